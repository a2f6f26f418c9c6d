CREATE TABLE "compliance_state" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"dirty_from" date,
	"refreshed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "compliance_tally" (
	"county_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due" integer NOT NULL,
	"done" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "compliance_tally_period_idx" ON "compliance_tally" USING btree ("rule_id","period_start","period_end");--> statement-breakpoint
CREATE INDEX "compliance_tally_school_idx" ON "compliance_tally" USING btree ("county_id","school_id","period_end");--> statement-breakpoint
-- Mark a school's cached compliance stale from a day on (never later than it already is).
CREATE OR REPLACE FUNCTION compliance_mark_stale(p_school uuid, p_from date) RETURNS void AS $$
  UPDATE compliance_state SET dirty_from = p_from
  WHERE school_id = p_school AND (dirty_from IS NULL OR dirty_from > p_from);
$$ LANGUAGE sql;
--> statement-breakpoint
-- A duty record (care record, health check, letter delivery) written, changed or removed: its
-- child's school is stale from the record's day. TG_ARGV[0] names the record's date column.
CREATE OR REPLACE FUNCTION compliance_stale_by_record() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('SELECT compliance_mark_stale(c.school_id, min(n.%I)) FROM compliance_new n
      JOIN child c ON c.id = n.child_id WHERE c.school_id IS NOT NULL GROUP BY c.school_id', TG_ARGV[0]);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('SELECT compliance_mark_stale(c.school_id, min(o.%I)) FROM compliance_old o
      JOIN child c ON c.id = o.child_id WHERE c.school_id IS NOT NULL GROUP BY c.school_id', TG_ARGV[0]);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A child's categories or enrollment history changed: who owes what changes in every period.
CREATE OR REPLACE FUNCTION compliance_stale_by_child_fact() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM compliance_mark_stale(c.school_id, '-infinity') FROM compliance_new n
      JOIN child c ON c.id = n.child_id WHERE c.school_id IS NOT NULL GROUP BY c.school_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM compliance_mark_stale(c.school_id, '-infinity') FROM compliance_old o
      JOIN child c ON c.id = o.child_id WHERE c.school_id IS NOT NULL GROUP BY c.school_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A child added, removed, moved to another school or given another care level.
CREATE OR REPLACE FUNCTION compliance_stale_by_child() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM compliance_mark_stale(school_id, '-infinity') FROM compliance_new
      WHERE school_id IS NOT NULL GROUP BY school_id;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM compliance_mark_stale(school_id, '-infinity') FROM compliance_old
      WHERE school_id IS NOT NULL GROUP BY school_id;
  ELSE
    PERFORM compliance_mark_stale(s.school_id, '-infinity') FROM (
      SELECT o.school_id FROM compliance_old o JOIN compliance_new n ON n.id = o.id
        WHERE (o.school_id, o.care_level, o.deleted_at, o.county_id) IS DISTINCT FROM
              (n.school_id, n.care_level, n.deleted_at, n.county_id)
      UNION
      SELECT n.school_id FROM compliance_old o JOIN compliance_new n ON n.id = o.id
        WHERE (o.school_id, o.care_level, o.deleted_at, o.county_id) IS DISTINCT FROM
              (n.school_id, n.care_level, n.deleted_at, n.county_id)
    ) s WHERE s.school_id IS NOT NULL GROUP BY s.school_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A care rule changed in place (who it applies to, how often, active or removed).
CREATE OR REPLACE FUNCTION compliance_stale_by_rule() RETURNS trigger AS $$
BEGIN
  PERFORM compliance_mark_stale(school_id, '-infinity') FROM compliance_new GROUP BY school_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER care_record_compliance_ins AFTER INSERT ON care_record REFERENCING NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_record('occurred_on');
--> statement-breakpoint
CREATE TRIGGER care_record_compliance_upd AFTER UPDATE ON care_record
  REFERENCING OLD TABLE AS compliance_old NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_record('occurred_on');
--> statement-breakpoint
CREATE TRIGGER care_record_compliance_del AFTER DELETE ON care_record REFERENCING OLD TABLE AS compliance_old
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_record('occurred_on');
--> statement-breakpoint
CREATE TRIGGER health_check_compliance_ins AFTER INSERT ON health_check REFERENCING NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_record('checked_on');
--> statement-breakpoint
CREATE TRIGGER health_check_compliance_upd AFTER UPDATE ON health_check
  REFERENCING OLD TABLE AS compliance_old NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_record('checked_on');
--> statement-breakpoint
CREATE TRIGGER health_check_compliance_del AFTER DELETE ON health_check REFERENCING OLD TABLE AS compliance_old
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_record('checked_on');
--> statement-breakpoint
CREATE TRIGGER letter_delivery_compliance_ins AFTER INSERT ON letter_delivery REFERENCING NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_record('sent_on');
--> statement-breakpoint
CREATE TRIGGER letter_delivery_compliance_upd AFTER UPDATE ON letter_delivery
  REFERENCING OLD TABLE AS compliance_old NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_record('sent_on');
--> statement-breakpoint
CREATE TRIGGER letter_delivery_compliance_del AFTER DELETE ON letter_delivery REFERENCING OLD TABLE AS compliance_old
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_record('sent_on');
--> statement-breakpoint
CREATE TRIGGER child_category_compliance_ins AFTER INSERT ON child_category REFERENCING NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_child_fact();
--> statement-breakpoint
CREATE TRIGGER child_category_compliance_upd AFTER UPDATE ON child_category
  REFERENCING OLD TABLE AS compliance_old NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_child_fact();
--> statement-breakpoint
CREATE TRIGGER child_category_compliance_del AFTER DELETE ON child_category REFERENCING OLD TABLE AS compliance_old
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_child_fact();
--> statement-breakpoint
CREATE TRIGGER child_enrollment_compliance_ins AFTER INSERT ON child_enrollment REFERENCING NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_child_fact();
--> statement-breakpoint
CREATE TRIGGER child_enrollment_compliance_upd AFTER UPDATE ON child_enrollment
  REFERENCING OLD TABLE AS compliance_old NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_child_fact();
--> statement-breakpoint
CREATE TRIGGER child_enrollment_compliance_del AFTER DELETE ON child_enrollment REFERENCING OLD TABLE AS compliance_old
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_child_fact();
--> statement-breakpoint
CREATE TRIGGER child_compliance_ins AFTER INSERT ON child REFERENCING NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_child();
--> statement-breakpoint
CREATE TRIGGER child_compliance_upd AFTER UPDATE ON child
  REFERENCING OLD TABLE AS compliance_old NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_child();
--> statement-breakpoint
CREATE TRIGGER child_compliance_del AFTER DELETE ON child REFERENCING OLD TABLE AS compliance_old
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_child();
--> statement-breakpoint
CREATE TRIGGER care_rule_compliance_upd AFTER UPDATE ON care_rule REFERENCING NEW TABLE AS compliance_new
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_stale_by_rule();
