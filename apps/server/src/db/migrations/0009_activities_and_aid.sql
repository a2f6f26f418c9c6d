CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"occurred_on" date NOT NULL,
	"place" text,
	"organizers" text,
	"description" text,
	"created_by" uuid NOT NULL,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "activity_participation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"role" text DEFAULT 'participant' NOT NULL,
	"award" text
);
--> statement-breakpoint
CREATE TABLE "activity_room_slot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"duty_user_id" uuid,
	"duty_name" text
);
--> statement-breakpoint
CREATE TABLE "activity_room_visit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"visited_on" date NOT NULL,
	"doings" text[] NOT NULL,
	"note" text,
	"batch_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"type" text NOT NULL,
	"amount_fen" bigint,
	"items" text,
	"source" text,
	"given_on" date NOT NULL,
	"delivered_by" text,
	"note" text,
	"care_record_id" uuid,
	"created_by" uuid NOT NULL,
	CONSTRAINT "aid_amount_range" CHECK ("aid"."amount_fen" is null or ("aid"."amount_fen" >= 0 and "aid"."amount_fen" <= 100000000))
);
--> statement-breakpoint
CREATE TABLE "fund_ledger_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"occurred_on" date NOT NULL,
	"source" text,
	"donor" text,
	"purpose" text,
	"activity_id" uuid,
	"note" text,
	"created_by" uuid NOT NULL,
	CONSTRAINT "fund_amount_range" CHECK ("fund_ledger_entry"."amount_fen" > 0 and "fund_ledger_entry"."amount_fen" <= 100000000)
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participation" ADD CONSTRAINT "activity_participation_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participation" ADD CONSTRAINT "activity_participation_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_room_slot" ADD CONSTRAINT "activity_room_slot_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_room_slot" ADD CONSTRAINT "activity_room_slot_duty_user_id_app_user_id_fk" FOREIGN KEY ("duty_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_room_visit" ADD CONSTRAINT "activity_room_visit_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_room_visit" ADD CONSTRAINT "activity_room_visit_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_room_visit" ADD CONSTRAINT "activity_room_visit_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid" ADD CONSTRAINT "aid_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid" ADD CONSTRAINT "aid_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_ledger_entry" ADD CONSTRAINT "fund_ledger_entry_school_id_org_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_ledger_entry" ADD CONSTRAINT "fund_ledger_entry_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_ledger_entry" ADD CONSTRAINT "fund_ledger_entry_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_scope_idx" ON "activity" USING btree ("county_id","org_path" text_pattern_ops,"occurred_on");--> statement-breakpoint
CREATE INDEX "activity_date_idx" ON "activity" USING btree ("county_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_participation_uq" ON "activity_participation" USING btree ("activity_id","child_id");--> statement-breakpoint
CREATE INDEX "activity_participation_child_idx" ON "activity_participation" USING btree ("county_id","child_id");--> statement-breakpoint
CREATE INDEX "activity_participation_school_idx" ON "activity_participation" USING btree ("county_id","school_id");--> statement-breakpoint
CREATE INDEX "activity_room_slot_org_idx" ON "activity_room_slot" USING btree ("org_id") WHERE "activity_room_slot"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activity_room_visit_org_idx" ON "activity_room_visit" USING btree ("org_id","visited_on");--> statement-breakpoint
CREATE INDEX "activity_room_visit_child_idx" ON "activity_room_visit" USING btree ("county_id","child_id","visited_on");--> statement-breakpoint
CREATE INDEX "aid_child_idx" ON "aid" USING btree ("county_id","child_id","given_on");--> statement-breakpoint
CREATE INDEX "aid_school_idx" ON "aid" USING btree ("county_id","school_id","given_on");--> statement-breakpoint
CREATE INDEX "fund_ledger_school_idx" ON "fund_ledger_entry" USING btree ("school_id","occurred_on");