CREATE TYPE "public"."cost_kind" AS ENUM('coupon', 'gift', 'ads', 'staff', 'other');--> statement-breakpoint
CREATE TYPE "public"."cost_scope" AS ENUM('workspace', 'plan', 'group', 'post', 'campaign');--> statement-breakpoint
CREATE TYPE "public"."experiment_mode" AS ENUM('by_group', 'alternate_weeks');--> statement-breakpoint
CREATE TYPE "public"."experiment_status" AS ENUM('draft', 'running', 'decided', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."order_attribution" AS ENUM('link', 'member_link', 'last_click', 'none');--> statement-breakpoint
CREATE TYPE "public"."order_source" AS ENUM('webhook', 'import');--> statement-breakpoint
ALTER TYPE "public"."public_code_kind" ADD VALUE 'link';--> statement-breakpoint
CREATE TABLE "costs" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"scope" "cost_scope" NOT NULL,
	"target_id" uuid,
	"campaign" text,
	"kind" "cost_kind" NOT NULL,
	"amount_cents" bigint NOT NULL,
	"staff_hours" numeric(8, 2),
	"hourly_rate_cents" bigint,
	"incurred_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "costs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "costs_amount" CHECK ("costs"."amount_cents" >= 0),
	CONSTRAINT "costs_target" CHECK (("costs"."scope" = 'workspace' and "costs"."target_id" is null) or ("costs"."scope" = 'campaign' and "costs"."campaign" is not null) or ("costs"."scope" in ('plan', 'group', 'post') and "costs"."target_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "daily_rollups" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"post_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"reach" bigint DEFAULT 0 NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"unique_clicks" bigint DEFAULT 0 NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"revenue_cents" bigint DEFAULT 0 NOT NULL,
	"refund_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_rollups_workspace_id_day_post_id_group_id_variant_id_pk" PRIMARY KEY("workspace_id","day","post_id","group_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "data_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"orders_secret_enc" text,
	"orders_secret_rotated_at" timestamp with time zone,
	"attribution_window_days" smallint DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_settings_window" CHECK ("data_settings"."attribution_window_days" between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "experiment_assignments" (
	"workspace_id" uuid NOT NULL,
	"experiment_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"week_start" date DEFAULT '1970-01-05' NOT NULL,
	"variant_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiment_assignments_workspace_id_experiment_id_group_id_week_start_pk" PRIMARY KEY("workspace_id","experiment_id","group_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_item_id" uuid NOT NULL,
	"variant_a_id" uuid NOT NULL,
	"variant_b_id" uuid NOT NULL,
	"mode" "experiment_mode" DEFAULT 'by_group' NOT NULL,
	"status" "experiment_status" DEFAULT 'draft' NOT NULL,
	"min_sample" integer DEFAULT 200 NOT NULL,
	"winner_variant_id" uuid,
	"started_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "experiments_two_variants" CHECK ("experiments"."variant_a_id" <> "experiments"."variant_b_id")
);
--> statement-breakpoint
CREATE TABLE "link_visitors" (
	"workspace_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"visitor_key" text NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_visitors_workspace_id_link_id_visitor_key_pk" PRIMARY KEY("workspace_id","link_id","visitor_key")
);
--> statement-breakpoint
CREATE TABLE "links" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"post_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"variant_id" uuid,
	"member_id" uuid,
	"destination_url" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "links_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "links_destination_scheme" CHECK ("links"."destination_url" ~* '^https?://')
);
--> statement-breakpoint
CREATE TABLE "order_refunds" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"body_hash" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_refunds_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "order_refunds_amount" CHECK ("order_refunds"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"body_hash" text NOT NULL,
	"source" "order_source" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"amount_cents" bigint NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"member_id" uuid,
	"link_code" text,
	"attribution" "order_attribution" DEFAULT 'none' NOT NULL,
	"post_id" uuid,
	"group_id" uuid,
	"variant_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "orders_amount" CHECK ("orders"."amount_cents" >= 0 and "orders"."refunded_cents" between 0 and "orders"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"tx_horizon" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "events_idempotency_key";--> statement-breakpoint
ALTER TABLE "events" DROP CONSTRAINT "events_workspace_id_id_pk";--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_workspace_id_id_occurred_at_pk" PRIMARY KEY("workspace_id","id","occurred_at");--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "post_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "variant_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "link_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "order_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "visitor_key" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "unique_click" boolean;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "tx_id" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL;--> statement-breakpoint
ALTER TABLE "costs" ADD CONSTRAINT "costs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "costs" ADD CONSTRAINT "costs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_rollups" ADD CONSTRAINT "daily_rollups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_settings" ADD CONSTRAINT "data_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_assignments" ADD CONSTRAINT "experiment_assignments_workspace_id_experiment_id_experiments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","experiment_id") REFERENCES "public"."experiments"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_assignments" ADD CONSTRAINT "experiment_assignments_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_visitors" ADD CONSTRAINT "link_visitors_workspace_id_link_id_links_workspace_id_id_fk" FOREIGN KEY ("workspace_id","link_id") REFERENCES "public"."links"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_workspace_id_post_id_posts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","post_id") REFERENCES "public"."posts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_workspace_id_order_id_orders_workspace_id_id_fk" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "costs_scope_idx" ON "costs" USING btree ("workspace_id","scope","target_id");--> statement-breakpoint
CREATE INDEX "daily_rollups_group_idx" ON "daily_rollups" USING btree ("workspace_id","group_id","day");--> statement-breakpoint
CREATE INDEX "daily_rollups_post_idx" ON "daily_rollups" USING btree ("workspace_id","post_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "experiments_name_key" ON "experiments" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "links_code_key" ON "links" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "links_target_key" ON "links" USING btree ("workspace_id","post_id","group_id",coalesce("variant_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("member_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "order_refunds_external_key" ON "order_refunds" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_external_key" ON "orders" USING btree ("workspace_id","external_id");--> statement-breakpoint
CREATE INDEX "orders_occurred_idx" ON "orders" USING btree ("workspace_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_post_idx" ON "events" USING btree ("workspace_id","post_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_tx_idx" ON "events" USING btree ("tx_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_idempotency_key" ON "events" USING btree ("workspace_id","idempotency_key","occurred_at");