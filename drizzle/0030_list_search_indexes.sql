-- Indexes for the list and search endpoints at a province's size (issue 15, bench/province.ts).
--
-- Name searches (units by name or credit code, the public registry by unit name) are `ILIKE '%q%'`: a sequential
-- scan of every unit, lower-casing each name. pg_trgm would index them, but it extracts no trigram from a search of
-- two characters, and two Chinese characters (科技, 精密, 绍兴) are the common search. So the names are indexed by
-- their character bigrams instead: shangmi_bigrams('精密机械') = {精密,密机,机械} (lower-cased, as ILIKE compares), in a
-- GIN index. A search of two characters or more asks for the rows holding all of its bigrams — a superset of the
-- matches, one index probe per bigram — and the unchanged ILIKE keeps exactly the matching ones. A search of one
-- character has no bigram and scans as before. Plain SQL: runs on PostgreSQL and PGlite alike, no extension.
CREATE OR REPLACE FUNCTION shangmi_bigrams(s text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT substr(x.t, i, 2)), '{}')
  FROM (SELECT lower(s) AS t) AS x, generate_series(1, length(x.t) - 1) AS i
$$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_name_bigram_idx" ON "units" USING gin (shangmi_bigrams("name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_credit_code_bigram_idx" ON "units" USING gin (shangmi_bigrams("credit_code"));--> statement-breakpoint
-- The audit trail of a bureau: `jurisdiction_path LIKE 'prefix%' ORDER BY id DESC`, its exact count and deep pages
-- (page 200 skips 3,980 entries). The existing btree on the path cannot serve a LIKE prefix under a non-C collation;
-- text_pattern_ops can: the count and a small bureau's pages are read from (path, id) alone. A large bureau's pages
-- are read newest first from (id, path), the ORDER BY's own order, skipping other bureaus' entries in the index
-- without visiting their rows.
CREATE INDEX IF NOT EXISTS "audit_log_path_pattern_idx" ON "audit_log" USING btree ("jurisdiction_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_id_path_idx" ON "audit_log" USING btree ("id","jurisdiction_path");
--> statement-breakpoint
-- An officer's applications: those of units in its subtree, as a set of unit ids read from this index alone (the
-- list's page and count no longer join every application with its unit and jurisdiction).
CREATE INDEX IF NOT EXISTS "units_jurisdiction_id_idx" ON "units" USING btree ("jurisdiction_code","id");--> statement-breakpoint
-- The planner's statistics on the indexed expressions (how many names hold a bigram).
ANALYZE "units";
