-- Veil workspace schema, version 5: a steward's corrections of the entities Veil found in a
-- single-table design (rename, merge, marker, add, reset), as an append-only log like the
-- decisions. The corrections of a table in force are those after its latest reset. sources is a
-- JSON array of entity names; match_* describe the entity's match where the correction has one.

CREATE TABLE entity_correction_log (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name     CHARACTER VARYING NOT NULL,
    kind           CHARACTER VARYING NOT NULL CHECK (kind IN ('rename', 'merge', 'marker', 'add', 'reset')),
    entity         CHARACTER VARYING NOT NULL,
    sources        CHARACTER VARYING NOT NULL,
    match_attribute CHARACTER VARYING,
    match_test     CHARACTER VARYING CHECK (match_test IN ('equals', 'beginsWith')),
    match_value    CHARACTER VARYING,
    marker         CHARACTER VARYING,
    reviewer       CHARACTER VARYING NOT NULL,
    decided_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    note           CHARACTER VARYING NOT NULL,
    recorded_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE INDEX entity_correction_log_by_table ON entity_correction_log (table_name, seq);

CREATE TRIGGER entity_correction_log_append_only BEFORE UPDATE, DELETE ON entity_correction_log
    FOR EACH ROW CALL 'dev.veil.workspace.AppendOnlyTrigger';
