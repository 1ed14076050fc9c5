-- Veil workspace schema, version 3: single-table designs. A decision belongs to a table and,
-- in a table with entities, to one entity (empty for the table as a whole, as every decision
-- recorded before this version). Who owns an entity's items is decided like a class: the
-- owner_log is append-only and the latest entry of a table and entity is the current owner.

ALTER TABLE audit_log ADD COLUMN entity CHARACTER VARYING DEFAULT '' NOT NULL;

CREATE INDEX audit_log_by_entity ON audit_log (table_name, entity, path, seq);

CREATE TABLE owner_log (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name     CHARACTER VARYING NOT NULL,
    entity         CHARACTER VARYING NOT NULL,
    attribute      CHARACTER VARYING NOT NULL,
    template       CHARACTER VARYING NOT NULL CHECK (POSITION('{id}' IN template) > 0),
    reviewer       CHARACTER VARYING NOT NULL,
    decided_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    recorded_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE INDEX owner_log_by_entity ON owner_log (table_name, entity, seq);

CREATE TRIGGER owner_log_append_only BEFORE UPDATE, DELETE ON owner_log
    FOR EACH ROW CALL 'dev.veil.workspace.AppendOnlyTrigger';
