CREATE TYPE "public"."moderation_action" AS ENUM('warn', 'remove');--> statement-breakpoint
CREATE TYPE "public"."moderation_kind" AS ENUM('keyword', 'link', 'qrcode', 'phone', 'red_packet', 'pattern', 'flood');--> statement-breakpoint
CREATE TABLE "faq_entries" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "faq_entries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "group_faq_pins" (
	"workspace_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"faq_id" uuid NOT NULL,
	CONSTRAINT "group_faq_pins_workspace_id_group_id_faq_id_pk" PRIMARY KEY("workspace_id","group_id","faq_id")
);
--> statement-breakpoint
CREATE TABLE "moderation_rules" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid,
	"name" text NOT NULL,
	"kind" "moderation_kind" NOT NULL,
	"config" jsonb NOT NULL,
	"action" "moderation_action" NOT NULL,
	"warning_text" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moderation_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "quick_replies" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"keyword" text NOT NULL,
	"body" text NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quick_replies_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "welcome_messages" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "welcome_messages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_faq_pins" ADD CONSTRAINT "group_faq_pins_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_faq_pins" ADD CONSTRAINT "group_faq_pins_workspace_id_faq_id_faq_entries_workspace_id_id_fk" FOREIGN KEY ("workspace_id","faq_id") REFERENCES "public"."faq_entries"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_rules" ADD CONSTRAINT "moderation_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_rules" ADD CONSTRAINT "moderation_rules_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quick_replies" ADD CONSTRAINT "quick_replies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_messages" ADD CONSTRAINT "welcome_messages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_messages" ADD CONSTRAINT "welcome_messages_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_messages" ADD CONSTRAINT "welcome_messages_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "faq_entries_category_idx" ON "faq_entries" USING btree ("workspace_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "quick_replies_keyword_key" ON "quick_replies" USING btree ("workspace_id","keyword");--> statement-breakpoint
CREATE UNIQUE INDEX "welcome_messages_group_key" ON "welcome_messages" USING btree ("workspace_id","group_id") WHERE "welcome_messages"."group_id" is not null;