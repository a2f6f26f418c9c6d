CREATE TABLE "correction_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"requester_name" text NOT NULL,
	"requester_relation" text NOT NULL,
	"requested_on" date NOT NULL,
	"request" text NOT NULL,
	"recorded_by" uuid,
	"outcome" text,
	"resolution_note" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"change_audit_id" bigint
);
--> statement-breakpoint
ALTER TABLE "correction_request" ADD CONSTRAINT "correction_request_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correction_request_child_idx" ON "correction_request" USING btree ("county_id","child_id");