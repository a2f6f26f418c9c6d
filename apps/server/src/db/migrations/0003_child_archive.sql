CREATE TABLE "child" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"school_id" uuid,
	"class_id" uuid,
	"village_id" uuid,
	"school_path" text,
	"village_path" text,
	"grade" integer,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_pinyin_compact" text NOT NULL,
	"name_initials" text NOT NULL,
	"sex" text,
	"birth_date" date,
	"ethnicity" text,
	"id_number" text,
	"id_number_hash" text,
	"id_number_last4" text,
	"id_number_masked" text,
	"hukou_registered" boolean,
	"hukou_type" text,
	"hukou_location" text,
	"current_address" text,
	"health" text,
	"disability_category" text,
	"disability_grade" text,
	"illness_type" text,
	"schooling" text,
	"boarding" text,
	"guardianship_type" text,
	"income_sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"aid_measures" text[] DEFAULT '{}'::text[] NOT NULL,
	"housing" text,
	"family_note" text,
	"care_level" text DEFAULT 'general' NOT NULL,
	"enrollment_status" text,
	"enrollment_date" date,
	"personality" text,
	"interests" text,
	"study" text,
	"thinking" text,
	"psychology" text,
	"character" text,
	"health_note" text,
	"village_contact_name" text,
	"village_contact_phone" text,
	"photo_attachment_id" uuid,
	"note" text,
	"archive_complete" boolean DEFAULT false NOT NULL,
	"archive_missing" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_category" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"county_id" uuid NOT NULL,
	"category" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "child_enrollment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"county_id" uuid NOT NULL,
	"status" text NOT NULL,
	"date" date NOT NULL,
	"destination" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "guardian" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"child_id" uuid NOT NULL,
	"county_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"name" text NOT NULL,
	"birth_year" integer,
	"health" text,
	"literacy" text,
	"phone" text,
	"address" text,
	"id_number" text,
	"id_number_masked" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"note" text,
	"entrustment_id" uuid,
	"entrustment_signed_on" date,
	"entrustment_valid_until" date,
	"entrustment_attachment_id" uuid
);
--> statement-breakpoint
CREATE TABLE "guardian_entrustment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guardian_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"county_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"valid_until" date,
	"attachment_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "parent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"child_id" uuid NOT NULL,
	"county_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"name" text NOT NULL,
	"status" text,
	"birth_date" date,
	"id_number" text,
	"id_number_masked" text,
	"work_province" text,
	"work_city" text,
	"employer" text,
	"occupation" text,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"left_home_on" date,
	"return_frequency" text,
	"contact_frequency" text,
	"unreachable" boolean DEFAULT false NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_school_id_org_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_class_id_org_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_village_id_org_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_category" ADD CONSTRAINT "child_category_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_enrollment" ADD CONSTRAINT "child_enrollment_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian" ADD CONSTRAINT "guardian_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_entrustment" ADD CONSTRAINT "guardian_entrustment_guardian_id_guardian_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."guardian"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent" ADD CONSTRAINT "parent_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_county_pinyin_idx" ON "child" USING btree ("county_id","name_pinyin" collate "C","id");--> statement-breakpoint
CREATE INDEX "child_school_path_idx" ON "child" USING btree ("school_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "child_village_path_idx" ON "child" USING btree ("village_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "child_initials_idx" ON "child" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "child_pinyin_compact_idx" ON "child" USING btree ("name_pinyin_compact" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "child_name_trgm_idx" ON "child" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "child_id_number_hash_idx" ON "child" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "child_id_number_last4_idx" ON "child" USING btree ("id_number_last4");--> statement-breakpoint
CREATE UNIQUE INDEX "child_county_id_number_uq" ON "child" USING btree ("county_id","id_number_hash") WHERE "child"."deleted_at" is null and "child"."id_number_hash" is not null;--> statement-breakpoint
CREATE INDEX "child_county_birth_date_idx" ON "child" USING btree ("county_id","birth_date");--> statement-breakpoint
CREATE INDEX "child_school_idx" ON "child" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "child_class_idx" ON "child" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "child_village_idx" ON "child" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "child_category_child_idx" ON "child_category" USING btree ("child_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "child_category_open_uq" ON "child_category" USING btree ("child_id","category") WHERE "child_category"."end_date" is null;--> statement-breakpoint
CREATE INDEX "child_category_county_idx" ON "child_category" USING btree ("county_id","category");--> statement-breakpoint
CREATE INDEX "child_enrollment_child_idx" ON "child_enrollment" USING btree ("child_id","date");--> statement-breakpoint
CREATE INDEX "guardian_child_idx" ON "guardian" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guardian_primary_uq" ON "guardian" USING btree ("child_id") WHERE "guardian"."is_primary" and "guardian"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "guardian_entrustment_guardian_idx" ON "guardian_entrustment" USING btree ("guardian_id","signed_on");--> statement-breakpoint
CREATE INDEX "parent_child_idx" ON "parent" USING btree ("child_id");