-- Indexes the roll-ups (targets, picture, to-do, issue 15) read instead of the tables: a jurisdiction subtree's units
-- (the to-do list's and late list's semi-join on the officer's units) and its bases with what targets and the
-- picture count them by, both answered from the index alone.
CREATE INDEX IF NOT EXISTS "units_jurisdiction_id_idx" ON "units" USING btree ("jurisdiction_code","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bases_rollup_idx" ON "bases" USING btree ("jurisdiction_code","category","level","decided_on","revoked_on");
