CREATE TABLE "child_risk_level" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"level" text NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid,
	"school_id" uuid,
	"mailbox_message_id" uuid,
	"reporter_id" uuid NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"description" text NOT NULL,
	"immediate_actions" text,
	"status" text DEFAULT 'reported' NOT NULL,
	"due_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"referred_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"escalated_status" text
);
--> statement-breakpoint
CREATE TABLE "concern_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	"authority" text,
	"referred_at" timestamp with time zone,
	"receipt_number" text,
	"status" text
);
--> statement-breakpoint
CREATE TABLE "counseling_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"counselor_id" uuid NOT NULL,
	"session_on" date NOT NULL,
	"presenting_concern" text NOT NULL,
	"notes" text NOT NULL,
	"agreed_actions" text,
	"next_session_on" date,
	"deleted_by" uuid
);
--> statement-breakpoint
ALTER TABLE "child_risk_level" ADD CONSTRAINT "child_risk_level_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_risk_level" ADD CONSTRAINT "child_risk_level_set_by_app_user_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern" ADD CONSTRAINT "concern_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern" ADD CONSTRAINT "concern_school_id_org_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern" ADD CONSTRAINT "concern_reporter_id_app_user_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_event" ADD CONSTRAINT "concern_event_concern_id_concern_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concern"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_event" ADD CONSTRAINT "concern_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counseling_session" ADD CONSTRAINT "counseling_session_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counseling_session" ADD CONSTRAINT "counseling_session_counselor_id_app_user_id_fk" FOREIGN KEY ("counselor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_risk_level_child_idx" ON "child_risk_level" USING btree ("county_id","child_id","created_at");--> statement-breakpoint
CREATE INDEX "concern_child_idx" ON "concern" USING btree ("county_id","child_id");--> statement-breakpoint
CREATE INDEX "concern_school_idx" ON "concern" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "concern_reporter_idx" ON "concern" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "concern_due_idx" ON "concern" USING btree ("due_at") WHERE "concern"."deleted_at" is null and "concern"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "concern_event_concern_idx" ON "concern_event" USING btree ("concern_id","at");--> statement-breakpoint
CREATE INDEX "counseling_session_child_idx" ON "counseling_session" USING btree ("county_id","child_id","session_on") WHERE "counseling_session"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "counseling_session_next_idx" ON "counseling_session" USING btree ("counselor_id","next_session_on") WHERE "counseling_session"."deleted_at" is null and "counseling_session"."next_session_on" is not null;