CREATE TABLE "care_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"class_id" uuid,
	"author_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"duration_minutes" integer,
	"channel" text,
	"summary" text NOT NULL,
	"problems" text,
	"follow_up_needed" boolean DEFAULT false NOT NULL,
	"follow_up_on" date,
	"follow_up_done_on" date,
	"follow_up_of" uuid,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"details" jsonb NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"batch_id" uuid,
	"idempotency_key" uuid,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "care_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"frequency" text NOT NULL,
	"window_days" integer DEFAULT 14 NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"care_levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"responsible_role" text,
	"responsible_pairing_kind" text,
	"active" boolean DEFAULT true NOT NULL,
	"note" text,
	"created_by" uuid,
	CONSTRAINT "care_rule_responsible_ck" CHECK (("care_rule"."responsible_role" is null) <> ("care_rule"."responsible_pairing_kind" is null))
);
--> statement-breakpoint
CREATE TABLE "care_setting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"mentor_teacher_capacity" integer DEFAULT 2 NOT NULL,
	"proxy_parent_capacity" integer DEFAULT 2 NOT NULL,
	"holiday_tutor_capacity" integer DEFAULT 8 NOT NULL,
	"buddy_student_capacity" integer DEFAULT 1 NOT NULL,
	"record_edit_days" integer DEFAULT 7 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"kind" text NOT NULL,
	"helper_user_id" uuid,
	"buddy_name" text,
	"buddy_class_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date,
	"handover_id" uuid,
	"note" text,
	"created_by" uuid,
	"ended_by" uuid,
	CONSTRAINT "pairing_helper_ck" CHECK (("pairing"."kind" = 'buddy_student') = ("pairing"."helper_user_id" is null and "pairing"."buddy_name" is not null and "pairing"."buddy_class_id" is not null)),
	CONSTRAINT "pairing_dates_ck" CHECK ("pairing"."end_date" is null or "pairing"."end_date" >= "pairing"."start_date")
);
--> statement-breakpoint
ALTER TABLE "care_record" ADD CONSTRAINT "care_record_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_record" ADD CONSTRAINT "care_record_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_rule" ADD CONSTRAINT "care_rule_school_id_org_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_setting" ADD CONSTRAINT "care_setting_school_id_org_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_school_id_org_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_helper_user_id_app_user_id_fk" FOREIGN KEY ("helper_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing" ADD CONSTRAINT "pairing_buddy_class_id_org_id_fk" FOREIGN KEY ("buddy_class_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_record_schedule_idx" ON "care_record" USING btree ("county_id","child_id","kind","occurred_on") WHERE "care_record"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "care_record_timeline_idx" ON "care_record" USING btree ("county_id","child_id","occurred_on","created_at","id") WHERE "care_record"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "care_record_author_idx" ON "care_record" USING btree ("author_id","occurred_on");--> statement-breakpoint
CREATE INDEX "care_record_follow_up_idx" ON "care_record" USING btree ("author_id","follow_up_on") WHERE "care_record"."follow_up_needed" and "care_record"."follow_up_done_on" is null and "care_record"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "care_record_idempotency_uq" ON "care_record" USING btree ("author_id","idempotency_key","child_id") WHERE "care_record"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "care_rule_school_idx" ON "care_rule" USING btree ("school_id") WHERE "care_rule"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "care_setting_school_uq" ON "care_setting" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "pairing_helper_idx" ON "pairing" USING btree ("helper_user_id","kind","end_date") WHERE "pairing"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "pairing_child_idx" ON "pairing" USING btree ("county_id","child_id") WHERE "pairing"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "pairing_school_idx" ON "pairing" USING btree ("school_id","kind") WHERE "pairing"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "pairing_buddy_idx" ON "pairing" USING btree ("buddy_class_id","buddy_name") WHERE "pairing"."buddy_class_id" is not null;