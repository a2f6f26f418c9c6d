CREATE TABLE "letter_delivery" (
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
	"letter_kind" text NOT NULL,
	"channel" text NOT NULL,
	"sent_on" date NOT NULL,
	"sent_by" uuid NOT NULL,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "letter_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"signature" text NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "letter_delivery" ADD CONSTRAINT "letter_delivery_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_delivery" ADD CONSTRAINT "letter_delivery_term_id_term_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."term"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_delivery" ADD CONSTRAINT "letter_delivery_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_template" ADD CONSTRAINT "letter_template_school_id_org_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "letter_delivery_child_term_kind_uq" ON "letter_delivery" USING btree ("county_id","child_id","term_id","letter_kind") WHERE "letter_delivery"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "letter_delivery_schedule_idx" ON "letter_delivery" USING btree ("county_id","child_id","sent_on") WHERE "letter_delivery"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "letter_template_school_idx" ON "letter_template" USING btree ("school_id") WHERE "letter_template"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "letter_template_term_kind_uq" ON "letter_template" USING btree ("school_id","kind") WHERE "letter_template"."kind" <> 'custom' and "letter_template"."deleted_at" is null;