-- Audit rows stay append-only. The one way out is `npm run audit-archive` (modules/audit/audit-archive.ts):
-- it runs as the table's owner, turns `shouwang.audit_archive` on for its own transaction only
-- (set_config(..., true)), writes the rows to a checksummed archive file and may then delete rows
-- older than 180 days. UPDATE and TRUNCATE stay refused for everyone. The application's own role
-- (docs/SECURITY.md, db/app-role.ts) has no DELETE privilege, so it never reaches this trigger.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF coalesce(current_setting('shouwang.audit_archive', true), '') = 'on'
       AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE')
       AND OLD.occurred_at < now() - interval '180 days' THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
