CREATE TABLE "kpi_tally_extra" (
	"county_id" uuid NOT NULL,
	"window_start" date NOT NULL,
	"as_of" date NOT NULL,
	"bucket_id" uuid NOT NULL,
	"school_id" uuid,
	"school_top" text,
	"village_top" text,
	"measure" text NOT NULL,
	"children" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kpi_tally_extra_window_idx" ON "kpi_tally_extra" USING btree ("county_id","window_start","as_of","school_id");--> statement-breakpoint
CREATE INDEX "kpi_tally_extra_bucket_idx" ON "kpi_tally_extra" USING btree ("county_id","bucket_id");--> statement-breakpoint
ALTER TABLE "kpi_tally" DROP COLUMN "extra";--> statement-breakpoint
-- Windows computed before the breakdowns had their own table are computed again when next read.
DELETE FROM "kpi_window";
--> statement-breakpoint
DELETE FROM "kpi_tally";
