-- Anonymization reaches the audit log too: when a child is anonymized after the retention period
-- (modules/privacy/anonymize.ts), the before/after snapshots of the child's audit rows lose their
-- texts. The rows stay — who did what, when, to which record — and the only change the trigger
-- lets through is this one: `diff` replaced by audit_redact(diff) (every string that is not an id,
-- a date or a code becomes '已匿名'), every other column unchanged, inside a transaction that set
-- `shouwang.audit_redact` on. The app role gets UPDATE on the `diff` column alone for it.
CREATE OR REPLACE FUNCTION audit_redact(j jsonb) RETURNS jsonb AS $$
DECLARE
  s text;
BEGIN
  CASE jsonb_typeof(j)
    WHEN 'object' THEN
      RETURN coalesce((SELECT jsonb_object_agg(k, audit_redact(v)) FROM jsonb_each(j) AS e(k, v)), '{}'::jsonb);
    WHEN 'array' THEN
      RETURN coalesce((SELECT jsonb_agg(audit_redact(v) ORDER BY n) FROM jsonb_array_elements(j) WITH ORDINALITY AS a(v, n)), '[]'::jsonb);
    WHEN 'string' THEN
      s := j #>> '{}';
      -- Ids, dates and times, and codes (talk, left_behind_both, …) say nothing about the child.
      IF s ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
         OR s ~ '^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}(:?\d{2})?)?)?$'
         OR s ~ '^[a-z][a-z0-9_.]*$'
         OR s = '已匿名' THEN
        RETURN j;
      END IF;
      RETURN to_jsonb('已匿名'::text);
    ELSE
      RETURN j;
  END CASE;
END;
$$ LANGUAGE plpgsql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF coalesce(current_setting('shouwang.audit_archive', true), '') = 'on'
       AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE')
       AND OLD.occurred_at < now() - interval '180 days' THEN
      RETURN OLD;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF coalesce(current_setting('shouwang.audit_redact', true), '') = 'on'
       AND (to_jsonb(NEW) - 'diff') = (to_jsonb(OLD) - 'diff')
       AND NEW.diff IS NOT DISTINCT FROM audit_redact(OLD.diff) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_event_child_idx" ON "audit_event" USING btree ("child_id") WHERE "child_id" IS NOT NULL;
