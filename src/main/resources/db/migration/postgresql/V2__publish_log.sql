-- Veil workspace schema, version 2, for a shared workspace on PostgreSQL (same table as
-- db/migration/h2): every policy version published from this workspace. Append-only like the
-- audit log: publishing is part of the record of who decided what.

CREATE TABLE publish_log (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name       CHARACTER VARYING NOT NULL,
    version          INTEGER NOT NULL CHECK (version >= 1),
    digest           CHARACTER VARYING NOT NULL,
    published_by     CHARACTER VARYING NOT NULL,
    published_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    note             CHARACTER VARYING NOT NULL,
    widening_changes INTEGER NOT NULL CHECK (widening_changes >= 0),
    policy_store     CHARACTER VARYING NOT NULL,
    recorded_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX publish_log_by_table ON publish_log (table_name, seq);

CREATE TRIGGER publish_log_append_only BEFORE UPDATE OR DELETE ON publish_log
    FOR EACH ROW EXECUTE FUNCTION veil_append_only();

CREATE TRIGGER publish_log_no_truncate BEFORE TRUNCATE ON publish_log
    FOR EACH STATEMENT EXECUTE FUNCTION veil_append_only();
