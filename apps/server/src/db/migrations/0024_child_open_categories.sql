DROP INDEX "child_county_list_idx";--> statement-breakpoint
ALTER TABLE "child" ADD COLUMN "open_categories" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Backfill before the two indexes on the column exist (one build each instead of row by row). A
-- correlated sub-select over a plain scan of child: the new row versions are written in the
-- table's own order, so a school's children stay on neighbouring pages (a join on the id wrote
-- them in uuid order: the largest school's 999 children went from 124 pages to 919).
UPDATE child c SET open_categories = coalesce((SELECT array_agg(cc.category ORDER BY cc.category COLLATE "C")
    FROM child_category cc WHERE cc.child_id = c.id AND cc.county_id = c.county_id AND cc.end_date IS NULL), '{}')
WHERE c.open_categories IS DISTINCT FROM coalesce((SELECT array_agg(cc.category ORDER BY cc.category COLLATE "C")
    FROM child_category cc WHERE cc.child_id = c.id AND cc.county_id = c.county_id AND cc.end_date IS NULL), '{}');--> statement-breakpoint
CREATE INDEX "child_open_categories_idx" ON "child" USING gin ("open_categories");--> statement-breakpoint
CREATE INDEX "child_county_list_idx" ON "child" USING btree ("county_id","care_level","id","open_categories") WHERE "child"."deleted_at" is null and ("child"."school_path" is not null or "child"."village_path" is not null);--> statement-breakpoint
-- child.open_categories = the categories of the child's open periods (end_date is null), in code
-- order, recomputed from child_category for the children a statement on child_category touched,
-- in the writing transaction. The child rows are locked first (in id order; NO KEY UPDATE, which
-- the category rows' foreign-key checks do not conflict with), so that two transactions writing
-- one child's categories do not overwrite each other's result: the second waits for the first,
-- then its UPDATE (a new snapshot in READ COMMITTED) reads the first one's committed rows. A row
-- already right is not written (the generator and the import fill the column themselves).
CREATE OR REPLACE FUNCTION child_open_categories_sync(p_ids uuid[]) RETURNS void AS $$
BEGIN
  PERFORM 1 FROM child WHERE id = ANY(p_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE child c SET open_categories = s.cats
  FROM (SELECT ch.id, coalesce((SELECT array_agg(cc.category ORDER BY cc.category COLLATE "C")
          FROM child_category cc
          WHERE cc.child_id = ch.id AND cc.county_id = ch.county_id AND cc.end_date IS NULL), '{}'::text[]) AS cats
        FROM child ch WHERE ch.id = ANY(p_ids)) s
  WHERE c.id = s.id AND c.open_categories IS DISTINCT FROM s.cats;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION child_open_categories_by_category() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM child_open_categories_sync(ARRAY(SELECT DISTINCT child_id FROM open_cat_new));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM child_open_categories_sync(ARRAY(SELECT DISTINCT child_id FROM open_cat_old));
  ELSE
    PERFORM child_open_categories_sync(ARRAY(SELECT child_id FROM open_cat_new UNION SELECT child_id FROM open_cat_old));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER child_category_open_ins AFTER INSERT ON child_category REFERENCING NEW TABLE AS open_cat_new
  FOR EACH STATEMENT EXECUTE FUNCTION child_open_categories_by_category();--> statement-breakpoint
CREATE TRIGGER child_category_open_upd AFTER UPDATE ON child_category
  REFERENCING OLD TABLE AS open_cat_old NEW TABLE AS open_cat_new
  FOR EACH STATEMENT EXECUTE FUNCTION child_open_categories_by_category();--> statement-breakpoint
CREATE TRIGGER child_category_open_del AFTER DELETE ON child_category REFERENCING OLD TABLE AS open_cat_old
  FOR EACH STATEMENT EXECUTE FUNCTION child_open_categories_by_category();
