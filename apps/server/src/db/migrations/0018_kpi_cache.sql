CREATE TABLE "kpi_dirty" (
	"county_id" uuid NOT NULL,
	"bucket_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_tally" (
	"county_id" uuid NOT NULL,
	"window_start" date NOT NULL,
	"as_of" date NOT NULL,
	"bucket_id" uuid NOT NULL,
	"school_id" uuid,
	"class_id" uuid,
	"school_top" text,
	"village_top" text,
	"children" integer NOT NULL,
	"archive_met" integer NOT NULL,
	"enrollment_in" integer NOT NULL,
	"enrollment_met" integer NOT NULL,
	"retention_in" integer NOT NULL,
	"retention_met" integer NOT NULL,
	"paired" integer NOT NULL,
	"extra" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_window" (
	"county_id" uuid NOT NULL,
	"window_start" date NOT NULL,
	"as_of" date NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_window_county_id_window_start_as_of_pk" PRIMARY KEY("county_id","window_start","as_of")
);
--> statement-breakpoint
CREATE INDEX "kpi_dirty_county_idx" ON "kpi_dirty" USING btree ("county_id");--> statement-breakpoint
CREATE INDEX "kpi_tally_window_idx" ON "kpi_tally" USING btree ("county_id","window_start","as_of","school_id");--> statement-breakpoint
CREATE INDEX "kpi_tally_bucket_idx" ON "kpi_tally" USING btree ("county_id","bucket_id");--> statement-breakpoint
-- The bucket of a child's KPI facts (kpi-cache.table.ts): its school, else its home village, else its county.
CREATE OR REPLACE FUNCTION kpi_bucket(p_school uuid, p_village uuid, p_county uuid) RETURNS uuid AS $$
  SELECT coalesce(p_school, p_village, p_county);
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- A row about a child (category, enrollment, pairing, participation, health check) written, changed
-- or removed: the child's bucket is recomputed before the next read.
CREATE OR REPLACE FUNCTION kpi_dirty_by_child_row() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_dirty (county_id, bucket_id)
      SELECT DISTINCT c.county_id, kpi_bucket(c.school_id, c.village_id, c.county_id)
      FROM child c WHERE c.id IN (SELECT child_id FROM kpi_new);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO kpi_dirty (county_id, bucket_id)
      SELECT DISTINCT c.county_id, kpi_bucket(c.school_id, c.village_id, c.county_id)
      FROM child c WHERE c.id IN (SELECT child_id FROM kpi_old);
  ELSE
    INSERT INTO kpi_dirty (county_id, bucket_id)
      SELECT DISTINCT c.county_id, kpi_bucket(c.school_id, c.village_id, c.county_id)
      FROM child c WHERE c.id IN (SELECT child_id FROM kpi_new UNION SELECT child_id FROM kpi_old);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A child added, removed, moved, or changed in a way a KPI reads: the old and the new bucket.
CREATE OR REPLACE FUNCTION kpi_dirty_by_child() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_dirty (county_id, bucket_id)
      SELECT DISTINCT county_id, kpi_bucket(school_id, village_id, county_id) FROM kpi_new;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO kpi_dirty (county_id, bucket_id)
      SELECT DISTINCT county_id, kpi_bucket(school_id, village_id, county_id) FROM kpi_old;
  ELSE
    INSERT INTO kpi_dirty (county_id, bucket_id)
      SELECT DISTINCT b.county_id, b.bucket_id
      FROM kpi_old o JOIN kpi_new n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.county_id, kpi_bucket(o.school_id, o.village_id, o.county_id)),
        (n.county_id, kpi_bucket(n.school_id, n.village_id, n.county_id))) AS b(county_id, bucket_id)
      WHERE (o.county_id, o.school_id, o.class_id, o.village_id, o.school_path, o.village_path, o.care_level,
          o.archive_complete, o.birth_date, o.deleted_at) IS DISTINCT FROM
        (n.county_id, n.school_id, n.class_id, n.village_id, n.school_path, n.village_path, n.care_level,
          n.archive_complete, n.birth_date, n.deleted_at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- An activity moved to another day, given another type, or removed: its participants' buckets.
CREATE OR REPLACE FUNCTION kpi_dirty_by_activity() RETURNS trigger AS $$
BEGIN
  INSERT INTO kpi_dirty (county_id, bucket_id)
    SELECT DISTINCT c.county_id, kpi_bucket(c.school_id, c.village_id, c.county_id)
    FROM kpi_old o JOIN kpi_new n ON n.id = o.id
    JOIN activity_participation ap ON ap.activity_id = n.id
    JOIN child c ON c.id = ap.child_id
    WHERE (o.occurred_on, o.type, o.deleted_at) IS DISTINCT FROM (n.occurred_on, n.type, n.deleted_at);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER child_category_kpi_ins AFTER INSERT ON child_category REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER child_category_kpi_upd AFTER UPDATE ON child_category REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER child_category_kpi_del AFTER DELETE ON child_category REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER child_enrollment_kpi_ins AFTER INSERT ON child_enrollment REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER child_enrollment_kpi_upd AFTER UPDATE ON child_enrollment REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER child_enrollment_kpi_del AFTER DELETE ON child_enrollment REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER pairing_kpi_ins AFTER INSERT ON pairing REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER pairing_kpi_upd AFTER UPDATE ON pairing REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER pairing_kpi_del AFTER DELETE ON pairing REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER activity_participation_kpi_ins AFTER INSERT ON activity_participation REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER activity_participation_kpi_upd AFTER UPDATE ON activity_participation REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER activity_participation_kpi_del AFTER DELETE ON activity_participation REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER health_check_kpi_ins AFTER INSERT ON health_check REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER health_check_kpi_upd AFTER UPDATE ON health_check REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER health_check_kpi_del AFTER DELETE ON health_check REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child_row();
--> statement-breakpoint
CREATE TRIGGER child_kpi_ins AFTER INSERT ON child REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child();
--> statement-breakpoint
CREATE TRIGGER child_kpi_upd AFTER UPDATE ON child REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child();
--> statement-breakpoint
CREATE TRIGGER child_kpi_del AFTER DELETE ON child REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_child();
--> statement-breakpoint
CREATE TRIGGER activity_kpi_upd AFTER UPDATE ON activity REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_dirty_by_activity();
