CREATE TYPE "public"."business_step" AS ENUM('acquire', 'convert', 'repurchase', 'word_of_mouth', 'franchise', 'new_retail', 'other');--> statement-breakpoint
CREATE TABLE "community_types" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"business_step" "business_step",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_types_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "positioning_versions" (
	"workspace_id" uuid NOT NULL,
	"positioning_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"answers" jsonb NOT NULL,
	"schema_version" integer DEFAULT 1 NOT NULL,
	"author_id" uuid,
	"restored_from" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "positioning_versions_workspace_id_positioning_id_version_pk" PRIMARY KEY("workspace_id","positioning_id","version")
);
--> statement-breakpoint
CREATE TABLE "positionings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"answers" jsonb NOT NULL,
	"schema_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"starter" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "positionings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "community_types" ADD CONSTRAINT "community_types_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positioning_versions" ADD CONSTRAINT "positioning_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positioning_versions" ADD CONSTRAINT "positioning_versions_workspace_id_positioning_id_positionings_workspace_id_id_fk" FOREIGN KEY ("workspace_id","positioning_id") REFERENCES "public"."positionings"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positionings" ADD CONSTRAINT "positionings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positionings" ADD CONSTRAINT "positionings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "positionings_updated_idx" ON "positionings" USING btree ("workspace_id","updated_at");