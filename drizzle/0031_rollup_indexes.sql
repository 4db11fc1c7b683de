-- An index the roll-ups (targets, the picture, issue 15) read instead of the table: a jurisdiction subtree's bases with
-- what targets and the picture count them by. (A subtree's units, for the to-do and late lists, come from
-- units_jurisdiction_id_idx of migration 0030.)
CREATE INDEX IF NOT EXISTS "bases_rollup_idx" ON "bases" USING btree ("jurisdiction_code","category","level","decided_on","revoked_on");
