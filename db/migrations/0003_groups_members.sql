CREATE TYPE "public"."group_staff_role" AS ENUM('owner', 'admin');--> statement-breakpoint
CREATE TYPE "public"."group_stage" AS ENUM('planned', 'active', 'declining', 'ended', 'archived');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'admin', 'service', 'koc', 'member');--> statement-breakpoint
CREATE TABLE "group_staff" (
	"workspace_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "group_staff_role" NOT NULL,
	CONSTRAINT "group_staff_workspace_id_group_id_user_id_pk" PRIMARY KEY("workspace_id","group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"community_type" text,
	"positioning_id" uuid,
	"stage" "group_stage" DEFAULT 'planned' NOT NULL,
	"planned_end" date,
	"entry_threshold" text,
	"capacity" integer DEFAULT 200 NOT NULL,
	"external_chat_id" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "groups_capacity_range" CHECK ("groups"."capacity" between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "group_memberships" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" "member_role" DEFAULT 'member' NOT NULL,
	"is_staff" boolean DEFAULT false NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"join_source" text,
	"added_by" text,
	"left_at" timestamp with time zone,
	CONSTRAINT "group_memberships_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "member_score_history" (
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"day" date NOT NULL,
	"score" real NOT NULL,
	CONSTRAINT "member_score_history_workspace_id_member_id_day_pk" PRIMARY KEY("workspace_id","member_id","day")
);
--> statement-breakpoint
CREATE TABLE "member_tags" (
	"workspace_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_tags_workspace_id_member_id_tag_id_pk" PRIMARY KEY("workspace_id","member_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"external_id" text,
	"phone" text,
	"nickname" text DEFAULT '' NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"source" text,
	"activity_score" real DEFAULT 0 NOT NULL,
	"last_active_at" timestamp with time zone,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "tag_groups" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tag_groups_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"tag_group_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tags_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "tags_name_key" UNIQUE NULLS NOT DISTINCT("workspace_id","tag_group_id","name")
);
--> statement-breakpoint
ALTER TABLE "group_staff" ADD CONSTRAINT "group_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_staff" ADD CONSTRAINT "group_staff_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_workspace_id_positioning_id_positionings_workspace_id_id_fk" FOREIGN KEY ("workspace_id","positioning_id") REFERENCES "public"."positionings"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_memberships" ADD CONSTRAINT "group_memberships_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_score_history" ADD CONSTRAINT "member_score_history_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_tags" ADD CONSTRAINT "member_tags_workspace_id_member_id_members_workspace_id_id_fk" FOREIGN KEY ("workspace_id","member_id") REFERENCES "public"."members"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_tags" ADD CONSTRAINT "member_tags_workspace_id_tag_id_tags_workspace_id_id_fk" FOREIGN KEY ("workspace_id","tag_id") REFERENCES "public"."tags"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tag_groups" ADD CONSTRAINT "tag_groups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_workspace_id_tag_group_id_tag_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","tag_group_id") REFERENCES "public"."tag_groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_staff_user_idx" ON "group_staff" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_external_chat_key" ON "groups" USING btree ("workspace_id","external_chat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_name_key" ON "groups" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "groups_stage_idx" ON "groups" USING btree ("workspace_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "group_memberships_open_key" ON "group_memberships" USING btree ("workspace_id","group_id","member_id") WHERE "group_memberships"."left_at" is null;--> statement-breakpoint
CREATE INDEX "group_memberships_roster_idx" ON "group_memberships" USING btree ("workspace_id","group_id","joined_at");--> statement-breakpoint
CREATE INDEX "group_memberships_member_idx" ON "group_memberships" USING btree ("workspace_id","member_id");--> statement-breakpoint
CREATE INDEX "member_tags_tag_idx" ON "member_tags" USING btree ("workspace_id","tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_external_key" ON "members" USING btree ("workspace_id","external_id") WHERE "members"."merged_into_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "members_phone_key" ON "members" USING btree ("workspace_id","phone") WHERE "members"."merged_into_id" is null;--> statement-breakpoint
CREATE INDEX "members_nickname_idx" ON "members" USING btree ("workspace_id","nickname");--> statement-breakpoint
CREATE INDEX "members_score_idx" ON "members" USING btree ("workspace_id","activity_score");--> statement-breakpoint
CREATE UNIQUE INDEX "tag_groups_name_key" ON "tag_groups" USING btree ("workspace_id","name");