CREATE TABLE "child_anonymization" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"left_on" date NOT NULL,
	"anonymized_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"category" text NOT NULL,
	"basis" text NOT NULL,
	"consenter_name" text,
	"consenter_relation" text,
	"consented_on" date NOT NULL,
	"scope_note" text,
	"recorded_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	"withdrawn_by" uuid
);
--> statement-breakpoint
CREATE TABLE "privacy_officer" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "child_anonymization" ADD CONSTRAINT "child_anonymization_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_consent" ADD CONSTRAINT "child_consent_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_consent_child_idx" ON "child_consent" USING btree ("county_id","child_id","category");