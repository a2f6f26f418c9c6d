CREATE TABLE "mailbox_box" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"code" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"danger_words" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailbox_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"box_id" uuid NOT NULL,
	"body_cipher" text NOT NULL,
	"sender_name_cipher" text,
	"sender_class_cipher" text,
	"pickup_code_hash" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"handler_id" uuid,
	"reply_cipher" text,
	"replied_at" timestamp with time zone,
	"replied_by" uuid,
	"child_id" uuid,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pledge" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"author_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"shortcomings" text NOT NULL,
	"commitments" text NOT NULL,
	"measures" text NOT NULL,
	"deadline" date NOT NULL,
	"review_result" text,
	"review_note" text,
	"reviewed_on" date,
	"reviewed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "self_evaluation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"county_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"school_id" uuid,
	"author_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"aspect" text NOT NULL,
	"content" text NOT NULL,
	"gaps" text
);
--> statement-breakpoint
ALTER TABLE "mailbox_box" ADD CONSTRAINT "mailbox_box_school_id_org_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_message" ADD CONSTRAINT "mailbox_message_school_id_org_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_message" ADD CONSTRAINT "mailbox_message_box_id_mailbox_box_id_fk" FOREIGN KEY ("box_id") REFERENCES "public"."mailbox_box"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_message" ADD CONSTRAINT "mailbox_message_handler_id_app_user_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_message" ADD CONSTRAINT "mailbox_message_replied_by_app_user_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailbox_message" ADD CONSTRAINT "mailbox_message_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge" ADD CONSTRAINT "pledge_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluation" ADD CONSTRAINT "self_evaluation_child_id_child_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."child"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_evaluation" ADD CONSTRAINT "self_evaluation_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mailbox_box_school_uq" ON "mailbox_box" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mailbox_box_code_uq" ON "mailbox_box" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "mailbox_message_pickup_uq" ON "mailbox_message" USING btree ("pickup_code_hash");--> statement-breakpoint
CREATE INDEX "mailbox_message_inbox_idx" ON "mailbox_message" USING btree ("school_id","urgent","created_at") WHERE "mailbox_message"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "pledge_child_idx" ON "pledge" USING btree ("county_id","child_id","signed_on") WHERE "pledge"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "pledge_review_due_idx" ON "pledge" USING btree ("county_id","deadline") WHERE "pledge"."reviewed_on" is null and "pledge"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "self_evaluation_child_idx" ON "self_evaluation" USING btree ("county_id","child_id","evaluated_on") WHERE "self_evaluation"."deleted_at" is null;