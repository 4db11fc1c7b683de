-- An index the roll-ups over applications read instead of the table (issue 15): the targets' applications under way
-- (by status, with the unit, programme and kind they are counted by) and the officer's late list (by status, with the
-- programme and unit that decide whether it shows, and the order and id it is paged by) — index-only scans of the
-- statuses asked for instead of reading every application (targets pipeline 5,537 heap rows → 71 index pages).
CREATE INDEX IF NOT EXISTS "applications_status_rollup_idx" ON "applications" USING btree ("status","programme_id","unit_id","kind_id","updated_at","id");
--> statement-breakpoint
-- The end of an application's latest publicity period (the late list asks it of applications in publicity; the
-- primary key starts with the notice).
CREATE INDEX IF NOT EXISTS "publicity_entries_application_idx" ON "publicity_entries" USING btree ("application_id");
