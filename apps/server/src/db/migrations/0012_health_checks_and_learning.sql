CREATE TABLE "grade" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"class_id" uuid,
	"term_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"score" numeric(5, 1) NOT NULL,
	"full_mark" numeric(5, 1) NOT NULL,
	"author_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_check" (
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
	"checked_on" date NOT NULL,
	"age_months" integer,
	"height_cm" numeric(4, 1),
	"weight_kg" numeric(4, 1),
	"bmi" numeric(4, 1),
	"vision_left" numeric(2, 1),
	"vision_right" numeric(2, 1),
	"teeth" text,
	"findings" text,
	"referral_needed" boolean DEFAULT false NOT NULL,
	"referral_to" text,
	"follow_up_on" date,
	"follow_up_done_on" date,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"growth_screened" boolean DEFAULT false NOT NULL,
	"batch_id" uuid,
	"idempotency_key" uuid,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "study_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"term_id" uuid,
	"helper_user_id" uuid,
	"subjects" text[] NOT NULL,
	"time_slots" jsonb NOT NULL,
	"content" text NOT NULL,
	"phase_goals" jsonb NOT NULL,
	"review_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"what_helped" text,
	"author_id" uuid NOT NULL,
	"deleted_by" uuid
);
--> statement-breakpoint
ALTER TABLE "grade" ADD CONSTRAINT "grade_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade" ADD CONSTRAINT "grade_term_id_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade" ADD CONSTRAINT "grade_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_check" ADD CONSTRAINT "health_check_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_check" ADD CONSTRAINT "health_check_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plan" ADD CONSTRAINT "study_plan_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plan" ADD CONSTRAINT "study_plan_term_id_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plan" ADD CONSTRAINT "study_plan_helper_user_id_app_user_id_fk" FOREIGN KEY ("helper_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_plan" ADD CONSTRAINT "study_plan_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grade_child_term_subject_uq" ON "grade" USING btree ("county_id","child_id","term_id","subject") WHERE "grade"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "grade_class_term_idx" ON "grade" USING btree ("county_id","class_id","term_id") WHERE "grade"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "health_check_child_idx" ON "health_check" USING btree ("county_id","child_id","checked_on") WHERE "health_check"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "health_check_class_idx" ON "health_check" USING btree ("county_id","class_id","checked_on") WHERE "health_check"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "health_check_follow_up_idx" ON "health_check" USING btree ("county_id","class_id","follow_up_on") WHERE "health_check"."referral_needed" and "health_check"."follow_up_done_on" is null and "health_check"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "health_check_idempotency_uq" ON "health_check" USING btree ("author_id","idempotency_key","child_id") WHERE "health_check"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "study_plan_child_idx" ON "study_plan" USING btree ("county_id","child_id") WHERE "study_plan"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "study_plan_helper_idx" ON "study_plan" USING btree ("helper_user_id") WHERE "study_plan"."deleted_at" is null;