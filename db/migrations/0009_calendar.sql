CREATE TYPE "public"."content_category" AS ENUM('product', 'values', 'interaction', 'activity');--> statement-breakpoint
CREATE TYPE "public"."content_format" AS ENUM('text', 'image_text', 'link', 'mini_program');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sending', 'delivered', 'failed');--> statement-breakpoint
CREATE TYPE "public"."post_channel" AS ENUM('manual', 'webhook', 'wecom');--> statement-breakpoint
CREATE TYPE "public"."post_status" AS ENUM('draft', 'scheduled', 'due', 'sent', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."sop_owner_role" AS ENUM('group_owner', 'group_admin', 'operator');--> statement-breakpoint
CREATE TYPE "public"."sop_timing" AS ENUM('daily', 'weekly', 'relative');--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"daily_limit" smallint DEFAULT 3 NOT NULL,
	"hard_daily_limit" smallint DEFAULT 5 NOT NULL,
	"quiet_start" text DEFAULT '22:00' NOT NULL,
	"quiet_end" text DEFAULT '08:00' NOT NULL,
	"webhook_url" text,
	"webhook_secret_enc" text,
	"webhook_max_attempts" smallint DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_settings_limits" CHECK ("calendar_settings"."daily_limit" between 1 and 20 and "calendar_settings"."hard_daily_limit" between "calendar_settings"."daily_limit" and 50),
	CONSTRAINT "calendar_settings_attempts" CHECK ("calendar_settings"."webhook_max_attempts" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "content_columns" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" "content_category" NOT NULL,
	"community_type" text,
	"group_id" uuid,
	"weekday" smallint,
	"time_of_day" text NOT NULL,
	"content_item_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_columns_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "content_columns_weekday" CHECK ("content_columns"."weekday" is null or "content_columns"."weekday" between 1 and 7),
	CONSTRAINT "content_columns_time" CHECK (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" "content_category" NOT NULL,
	"format" "content_format" DEFAULT 'text' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "content_variants" (
	"workspace_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"label" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link_url" text,
	"mini_program_title" text,
	"mini_program_path" text,
	"image_upload_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_variants_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "content_variants_body_length" CHECK (char_length("content_variants"."body") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"post_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "post_deliveries" (
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"channel" "post_channel" NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"payload" jsonb,
	"last_error" text,
	"response_status" integer,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_deliveries_workspace_id_post_id_channel_pk" PRIMARY KEY("workspace_id","post_id","channel")
);
--> statement-breakpoint
CREATE TABLE "post_history" (
	"workspace_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_status" "post_status",
	"to_status" "post_status" NOT NULL,
	"actor_user_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "post_history_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" "post_status" DEFAULT 'scheduled' NOT NULL,
	"channel" "post_channel" DEFAULT 'manual' NOT NULL,
	"category" "content_category" NOT NULL,
	"content_item_id" uuid,
	"variant_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"run_id" uuid,
	"step_id" uuid,
	"column_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"due_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"failed_reason" text,
	"reach_count" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "posts_body_length" CHECK (char_length("posts"."body") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "sop_runs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"template_version" integer NOT NULL,
	"group_ids" uuid[] NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"time_zone" text NOT NULL,
	"channel" "post_channel" DEFAULT 'manual' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sop_runs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "sop_steps" (
	"workspace_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"timing" "sop_timing" NOT NULL,
	"weekday" smallint,
	"day_offset" integer,
	"time_of_day" text NOT NULL,
	"content_item_id" uuid,
	"variant_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"inline_text" text DEFAULT '' NOT NULL,
	"category" "content_category" NOT NULL,
	"owner_role" "sop_owner_role" DEFAULT 'operator' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "sop_steps_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "sop_steps_weekday" CHECK ("sop_steps"."weekday" is null or "sop_steps"."weekday" between 1 and 7),
	CONSTRAINT "sop_steps_time" CHECK (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "sop_steps_inline_length" CHECK (char_length("sop_steps"."inline_text") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "sop_templates" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"community_type" text,
	"starter_key" text,
	"anchor_label" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sop_templates_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "calendar_settings" ADD CONSTRAINT "calendar_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_columns" ADD CONSTRAINT "content_columns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_columns" ADD CONSTRAINT "content_columns_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_columns" ADD CONSTRAINT "content_columns_workspace_id_content_item_id_content_items_workspace_id_id_fk" FOREIGN KEY ("workspace_id","content_item_id") REFERENCES "public"."content_items"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_variants" ADD CONSTRAINT "content_variants_workspace_id_item_id_content_items_workspace_id_id_fk" FOREIGN KEY ("workspace_id","item_id") REFERENCES "public"."content_items"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_deliveries" ADD CONSTRAINT "post_deliveries_workspace_id_post_id_posts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","post_id") REFERENCES "public"."posts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_history" ADD CONSTRAINT "post_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_history" ADD CONSTRAINT "post_history_workspace_id_post_id_posts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","post_id") REFERENCES "public"."posts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_workspace_id_content_item_id_content_items_workspace_id_id_fk" FOREIGN KEY ("workspace_id","content_item_id") REFERENCES "public"."content_items"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_runs" ADD CONSTRAINT "sop_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_runs" ADD CONSTRAINT "sop_runs_workspace_id_template_id_sop_templates_workspace_id_id_fk" FOREIGN KEY ("workspace_id","template_id") REFERENCES "public"."sop_templates"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_steps" ADD CONSTRAINT "sop_steps_workspace_id_template_id_sop_templates_workspace_id_id_fk" FOREIGN KEY ("workspace_id","template_id") REFERENCES "public"."sop_templates"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_steps" ADD CONSTRAINT "sop_steps_workspace_id_content_item_id_content_items_workspace_id_id_fk" FOREIGN KEY ("workspace_id","content_item_id") REFERENCES "public"."content_items"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_templates" ADD CONSTRAINT "sop_templates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sop_templates" ADD CONSTRAINT "sop_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_columns_name_key" ON "content_columns" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "content_items_category_idx" ON "content_items" USING btree ("workspace_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "content_variants_label_key" ON "content_variants" USING btree ("workspace_id","item_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_post_kind_key" ON "notifications" USING btree ("workspace_id","user_id","post_id","kind");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("workspace_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "post_deliveries_idempotency_key" ON "post_deliveries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "post_deliveries_ready_idx" ON "post_deliveries" USING btree ("next_attempt_at") WHERE "post_deliveries"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "post_history_post_idx" ON "post_history" USING btree ("workspace_id","post_id","at");--> statement-breakpoint
CREATE INDEX "posts_schedule_idx" ON "posts" USING btree ("workspace_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "posts_group_schedule_idx" ON "posts" USING btree ("workspace_id","group_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "posts_owner_idx" ON "posts" USING btree ("workspace_id","owner_user_id","status");--> statement-breakpoint
CREATE INDEX "posts_run_idx" ON "posts" USING btree ("workspace_id","run_id");--> statement-breakpoint
CREATE INDEX "posts_waiting_idx" ON "posts" USING btree ("scheduled_at") WHERE "posts"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "sop_runs_template_idx" ON "sop_runs" USING btree ("workspace_id","template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sop_steps_position_key" ON "sop_steps" USING btree ("workspace_id","template_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "sop_templates_name_key" ON "sop_templates" USING btree ("workspace_id","name");