ALTER TABLE "members" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(nickname || ' ' || remark || ' ' || coalesce(phone, ''))) STORED;--> statement-breakpoint
CREATE INDEX "members_search_trgm" ON "members" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_created_idx" ON "members" USING btree ("workspace_id","created_at","id");