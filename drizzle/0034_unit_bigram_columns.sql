-- Unit name and credit-code searches (and the registry's search of its bases' unit names, migration 0032) read stored
-- bigram columns instead of calling shangmi_bigrams per row (issue 15).
-- The function is SQL PostgreSQL cannot inline, about 20 µs a call, and the planner prices it as nearly free: where a
-- search's bigrams are common (有限公司: every unit holds 有限, 限公, 公司) or the table is small and never analysed
-- (the demo), it scans units and calls the function on every row, twice — 443 ms to count 有限公司 over a province's
-- 20,000 units, where reading stored arrays takes 57 ms (most of it the ILIKE that keeps exact matches). The columns
-- are generated, so no writer can let them drift from the text, and the GIN indexes move onto them. They are left out
-- of the Drizzle schema, so selecting a whole unit does not read them (db/text-search.ts names them).
DROP INDEX IF EXISTS "units_name_bigram_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "units_credit_code_bigram_idx";--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN IF NOT EXISTS "name_bigrams" text[] GENERATED ALWAYS AS (shangmi_bigrams("name")) STORED;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN IF NOT EXISTS "credit_code_bigrams" text[] GENERATED ALWAYS AS (shangmi_bigrams("credit_code")) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_name_bigrams_idx" ON "units" USING gin ("name_bigrams");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_credit_code_bigrams_idx" ON "units" USING gin ("credit_code_bigrams");--> statement-breakpoint
DROP INDEX IF EXISTS "bases_unit_name_bigram_idx";--> statement-breakpoint
ALTER TABLE "bases" ADD COLUMN IF NOT EXISTS "unit_name_bigrams" text[] GENERATED ALWAYS AS (shangmi_bigrams("unit_name")) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bases_unit_name_bigrams_idx" ON "bases" USING gin ("unit_name_bigrams");--> statement-breakpoint
ANALYZE "units";--> statement-breakpoint
ANALYZE "bases";
