-- Custom migration: the events table becomes a table partitioned by month of occurred_at
-- (DESIGN.md: old partitions can be detached or moved). Same columns, keys and index names as
-- db/schema/events.ts, so later generated migrations still apply. A default partition catches
-- anything outside the monthly ones; qunyun_ensure_event_partitions() (run by the worker) makes
-- the months ahead.
ALTER TABLE "events" RENAME TO "events_unpartitioned";--> statement-breakpoint
ALTER TABLE "events_unpartitioned" RENAME CONSTRAINT "events_workspace_id_id_occurred_at_pk" TO "events_unpartitioned_pk";--> statement-breakpoint
ALTER TABLE "events_unpartitioned" RENAME CONSTRAINT "events_workspace_id_workspaces_id_fk" TO "events_unpartitioned_workspace_fk";--> statement-breakpoint
ALTER INDEX "events_idempotency_key" RENAME TO "events_unpartitioned_idempotency_key";--> statement-breakpoint
ALTER INDEX "events_member_idx" RENAME TO "events_unpartitioned_member_idx";--> statement-breakpoint
ALTER INDEX "events_group_idx" RENAME TO "events_unpartitioned_group_idx";--> statement-breakpoint
ALTER INDEX "events_post_idx" RENAME TO "events_unpartitioned_post_idx";--> statement-breakpoint
ALTER INDEX "events_tx_idx" RENAME TO "events_unpartitioned_tx_idx";--> statement-breakpoint
CREATE TABLE "events" (LIKE "events_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("occurred_at");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_workspace_id_id_occurred_at_pk" PRIMARY KEY ("workspace_id", "id", "occurred_at");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "events_idempotency_key" ON "events" USING btree ("workspace_id", "idempotency_key", "occurred_at");--> statement-breakpoint
CREATE INDEX "events_member_idx" ON "events" USING btree ("workspace_id", "member_id", "occurred_at");--> statement-breakpoint
CREATE INDEX "events_group_idx" ON "events" USING btree ("workspace_id", "group_id", "occurred_at");--> statement-breakpoint
CREATE INDEX "events_post_idx" ON "events" USING btree ("workspace_id", "post_id", "occurred_at");--> statement-breakpoint
CREATE INDEX "events_tx_idx" ON "events" USING btree ("tx_id");--> statement-breakpoint
CREATE TABLE "events_default" PARTITION OF "events" DEFAULT;--> statement-breakpoint
CREATE FUNCTION qunyun_ensure_event_partitions(first_month date, months integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', first_month)::date;
  made integer := 0;
  name text;
  lo timestamptz;
  hi timestamptz;
BEGIN
  FOR i IN 0 .. months - 1 LOOP
    name := format('events_%s', to_char(m, 'YYYY_MM'));
    -- Bounds in UTC whatever the session's time zone, so partitions never overlap.
    lo := m::timestamp AT TIME ZONE 'UTC';
    hi := (m + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    IF to_regclass(name) IS NULL THEN
      -- Rows of that month already in the default partition move into the new one.
      EXECUTE format('CREATE TABLE %I (LIKE events INCLUDING DEFAULTS)', name);
      EXECUTE format('WITH moved AS (DELETE FROM events_default WHERE occurred_at >= %L AND occurred_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', lo, hi, name);
      EXECUTE format('ALTER TABLE events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
      made := made + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END $$;--> statement-breakpoint
-- Months are bounded in UTC; a local day near midnight may sit in the neighbouring partition,
-- which only matters for detaching (detach a month once the one after it is old too).
SELECT qunyun_ensure_event_partitions((now() - interval '24 months')::date, 30);--> statement-breakpoint
INSERT INTO "events" SELECT * FROM "events_unpartitioned";--> statement-breakpoint
DROP TABLE "events_unpartitioned";
