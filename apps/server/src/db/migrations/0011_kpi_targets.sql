CREATE TABLE "kpi_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"term_no" integer NOT NULL,
	"kpi" text NOT NULL,
	"target_bp" integer NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "kpi_target_range_ck" CHECK ("kpi_target"."target_bp" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "kpi_target" ADD CONSTRAINT "kpi_target_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_target_org_term_uq" ON "kpi_target" USING btree ("org_id","school_year","term_no","kpi") WHERE "kpi_target"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "kpi_target_county_idx" ON "kpi_target" USING btree ("county_id","school_year","term_no");