CREATE TYPE "public"."public_code_kind" AS ENUM('live_code');--> statement-breakpoint
CREATE TYPE "public"."user_agent_class" AS ENUM('wechat', 'mobile', 'desktop', 'bot', 'other');--> statement-breakpoint
CREATE TABLE "live_code_scans" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"live_code_id" uuid NOT NULL,
	"target_id" uuid,
	"group_id" uuid,
	"scanned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent_class" "user_agent_class" NOT NULL,
	"returning" boolean DEFAULT false NOT NULL,
	"ip_hash" text,
	CONSTRAINT "live_code_scans_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "live_code_tags" (
	"workspace_id" uuid NOT NULL,
	"live_code_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	CONSTRAINT "live_code_tags_workspace_id_live_code_id_tag_id_pk" PRIMARY KEY("workspace_id","live_code_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "live_code_targets" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"live_code_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"qr_upload_id" uuid,
	"qr_expires_at" timestamp with time zone,
	"start_members" integer DEFAULT 0 NOT NULL,
	"assigned_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_code_targets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "live_code_visitors" (
	"workspace_id" uuid NOT NULL,
	"live_code_id" uuid NOT NULL,
	"visitor_hash" text NOT NULL,
	"target_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_code_visitors_workspace_id_live_code_id_visitor_hash_pk" PRIMARY KEY("workspace_id","live_code_id","visitor_hash")
);
--> statement-breakpoint
CREATE TABLE "live_codes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"channel" text DEFAULT '' NOT NULL,
	"capacity" integer DEFAULT 200 NOT NULL,
	"welcome_message" text DEFAULT '' NOT NULL,
	"scan_count" bigint DEFAULT 0 NOT NULL,
	"exhausted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_codes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "live_codes_capacity_range" CHECK ("live_codes"."capacity" between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "public_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" "public_code_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"filename" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uploads_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "live_code_scans" ADD CONSTRAINT "live_code_scans_workspace_id_live_code_id_live_codes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","live_code_id") REFERENCES "public"."live_codes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_code_tags" ADD CONSTRAINT "live_code_tags_workspace_id_live_code_id_live_codes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","live_code_id") REFERENCES "public"."live_codes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_code_tags" ADD CONSTRAINT "live_code_tags_workspace_id_tag_id_tags_workspace_id_id_fk" FOREIGN KEY ("workspace_id","tag_id") REFERENCES "public"."tags"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_code_targets" ADD CONSTRAINT "live_code_targets_workspace_id_live_code_id_live_codes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","live_code_id") REFERENCES "public"."live_codes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_code_targets" ADD CONSTRAINT "live_code_targets_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_code_targets" ADD CONSTRAINT "live_code_targets_workspace_id_qr_upload_id_uploads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","qr_upload_id") REFERENCES "public"."uploads"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_code_visitors" ADD CONSTRAINT "live_code_visitors_workspace_id_live_code_id_live_codes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","live_code_id") REFERENCES "public"."live_codes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_code_visitors" ADD CONSTRAINT "live_code_visitors_workspace_id_target_id_live_code_targets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","target_id") REFERENCES "public"."live_code_targets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_codes" ADD CONSTRAINT "live_codes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_codes" ADD CONSTRAINT "live_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_codes" ADD CONSTRAINT "public_codes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_code_scans_code_idx" ON "live_code_scans" USING btree ("workspace_id","live_code_id","scanned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "live_code_targets_group_key" ON "live_code_targets" USING btree ("workspace_id","live_code_id","group_id");--> statement-breakpoint
CREATE INDEX "live_code_targets_order_idx" ON "live_code_targets" USING btree ("workspace_id","live_code_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "live_codes_slug_key" ON "live_codes" USING btree ("workspace_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "live_codes_name_key" ON "live_codes" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "public_codes_target_key" ON "public_codes" USING btree ("workspace_id","kind","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_storage_key" ON "uploads" USING btree ("storage_key");