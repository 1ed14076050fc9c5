-- Veil workspace schema, version 3, for a shared workspace on PostgreSQL (same change as
-- db/migration/h2): an audit entry may take a path back to unreviewed (undoing its first
-- decision). Such an entry has no current_class; the path's current decision is then none, and
-- the published version's class stands again where there is one. Still append-only.

ALTER TABLE audit_log ALTER COLUMN current_class DROP NOT NULL;
