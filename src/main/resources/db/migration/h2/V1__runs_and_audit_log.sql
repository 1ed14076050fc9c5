-- Veil workspace schema, version 1.
-- History is append-only: sample_run and audit_log rows are never updated or deleted
-- (AppendOnlyTrigger refuses it). The current decision of a path is its latest audit entry.

CREATE TABLE sample_run (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name     CHARACTER VARYING NOT NULL,
    sampled_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    items_sampled  BIGINT NOT NULL CHECK (items_sampled >= 0),
    source         CHARACTER VARYING NOT NULL,
    settings_json  CHARACTER VARYING NOT NULL,
    profile_format CHARACTER VARYING NOT NULL,
    profile_json   CHARACTER LARGE OBJECT NOT NULL,
    recorded_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE INDEX sample_run_by_table ON sample_run (table_name, sampled_at, id);

CREATE TRIGGER sample_run_append_only BEFORE UPDATE, DELETE ON sample_run
    FOR EACH ROW CALL 'dev.veil.workspace.AppendOnlyTrigger';

CREATE TABLE audit_log (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name     CHARACTER VARYING NOT NULL,
    path           CHARACTER VARYING NOT NULL,
    previous_class CHARACTER VARYING CHECK (previous_class IN ('public', 'owner-only', 'secret')),
    current_class  CHARACTER VARYING NOT NULL CHECK (current_class IN ('public', 'owner-only', 'secret')),
    reviewer       CHARACTER VARYING NOT NULL,
    decided_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    note           CHARACTER VARYING NOT NULL,
    source         CHARACTER VARYING NOT NULL CHECK (source IN ('manual', 'accepted-suggestion')),
    recorded_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE INDEX audit_log_by_path ON audit_log (table_name, path, seq);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
    FOR EACH ROW CALL 'dev.veil.workspace.AppendOnlyTrigger';

-- One row that every batch of decisions locks first, so that batches from several processes
-- sharing the workspace run one after another and each audit entry's previous class is right.
CREATE TABLE writer_turn (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

INSERT INTO writer_turn (id) VALUES (1);
