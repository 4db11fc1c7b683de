-- Indexes the province benchmark (bench/province.ts, issue 15) called for: lists of applications filtered by status or
-- programme and the public registry, read newest first in index order instead of sorting every row; units by industry.
-- DESC is NULLS FIRST, as the queries' ORDER BY … DESC is, so the index serves it.
CREATE INDEX IF NOT EXISTS "applications_status_updated_idx" ON "applications" USING btree ("status","updated_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "applications_programme_updated_idx" ON "applications" USING btree ("programme_id","updated_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bases_decided_idx" ON "bases" USING btree ("decided_on" DESC NULLS FIRST,"certificate_no");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_industry_idx" ON "units" USING btree ("industry_code");
