CREATE TYPE "public"."event_kind" AS ENUM('reach', 'click', 'order', 'refund', 'join', 'leave', 'message');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('uploaded', 'checking', 'checked', 'importing', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" "event_kind" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"member_id" uuid,
	"group_id" uuid,
	"amount_cents" bigint,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_rules" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"points" jsonb NOT NULL,
	"half_life_days" integer DEFAULT 14 NOT NULL,
	"recall_below" integer DEFAULT 2 NOT NULL,
	"silent_days" integer DEFAULT 14 NOT NULL,
	"dead_active_ratio_pct" integer DEFAULT 5 NOT NULL,
	"dead_silent_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_import_problems" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"column" text DEFAULT '' NOT NULL,
	"problem" text NOT NULL,
	"cells" jsonb NOT NULL,
	CONSTRAINT "roster_import_problems_workspace_id_import_id_row_number_column_problem_pk" PRIMARY KEY("workspace_id","import_id","row_number","column","problem")
);
--> statement-breakpoint
CREATE TABLE "roster_imports" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"filename" text NOT NULL,
	"kind" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"status" "import_status" DEFAULT 'uploaded' NOT NULL,
	"mapping" jsonb,
	"group_id" uuid,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"created_members" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "roster_imports_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_rules" ADD CONSTRAINT "activity_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_import_problems" ADD CONSTRAINT "roster_import_problems_workspace_id_import_id_roster_imports_workspace_id_id_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."roster_imports"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_workspace_id_group_id_groups_workspace_id_id_fk" FOREIGN KEY ("workspace_id","group_id") REFERENCES "public"."groups"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "events_idempotency_key" ON "events" USING btree ("workspace_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "events_member_idx" ON "events" USING btree ("workspace_id","member_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_group_idx" ON "events" USING btree ("workspace_id","group_id","occurred_at");--> statement-breakpoint
CREATE INDEX "roster_import_problems_row_idx" ON "roster_import_problems" USING btree ("workspace_id","import_id","row_number");