-- The public registry at a province's size (issue 15, bench/province.ts). Its search by unit name matched the units
-- through their bigram index and then joined every matching unit's bases to sort them by date and count them (a
-- two-character search: 2,500 units, 1,250 bases, 3–6 ms twice per request). The registry lists the unit's current
-- name, so bases now carry a copy of it, kept by the database itself: set from the unit when a base is written, and
-- rewritten on the unit's bases when the unit is renamed. Bases alone then answer a name search (their own bigram
-- index) and its count. Plain SQL and PL/pgSQL: runs on PostgreSQL and PGlite alike.
ALTER TABLE "bases" ADD COLUMN IF NOT EXISTS "unit_name" text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE "bases" b SET "unit_name" = u."name" FROM "units" u WHERE u."id" = b."unit_id" AND b."unit_name" <> u."name";--> statement-breakpoint
CREATE OR REPLACE FUNCTION bases_unit_name() RETURNS trigger AS $$
BEGIN
  NEW.unit_name := (SELECT u.name FROM units u WHERE u.id = NEW.unit_id);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
DROP TRIGGER IF EXISTS bases_unit_name ON "bases";--> statement-breakpoint
CREATE TRIGGER bases_unit_name BEFORE INSERT OR UPDATE OF unit_id, unit_name ON "bases"
  FOR EACH ROW EXECUTE FUNCTION bases_unit_name();--> statement-breakpoint
CREATE OR REPLACE FUNCTION units_name_to_bases() RETURNS trigger AS $$
BEGIN
  UPDATE bases SET unit_name = NEW.name WHERE unit_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
DROP TRIGGER IF EXISTS units_name_to_bases ON "units";--> statement-breakpoint
CREATE TRIGGER units_name_to_bases AFTER UPDATE OF name ON "units"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION units_name_to_bases();--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bases_unit_name_bigram_idx" ON "bases" USING gin (shangmi_bigrams("unit_name"));--> statement-breakpoint
-- A bureau's registry (filtered by its jurisdiction's subtree): the newest bases of each of the subtree's
-- jurisdictions, read from this index in the registry's order and merged (registry-queries.ts), instead of every
-- base newest first until 20 of the subtree come by (Shaoxing's municipal bases: 7,400 read to list 20). The
-- included columns are the registry's other filters, checked in the index.
CREATE INDEX IF NOT EXISTS "bases_jurisdiction_decided_idx" ON "bases" USING btree ("jurisdiction_code","decided_on" DESC NULLS FIRST,"certificate_no") INCLUDE ("level","category","industry_code","year","revoked_on");--> statement-breakpoint
ANALYZE "bases";
--> statement-breakpoint
-- The audit trail's exact count for a bureau (every entry whose jurisdiction path starts with the bureau's) was an
-- index-only scan of all of them on every page: 13,000 entries for a city, 2–3 ms. The trail is append-only and each
-- entry is chained at its commit under the chain head's lock (migration 0014), so the chain keeps a count per
-- jurisdiction path in the same step: exact (it counts what is committed, as readers see it), and adding to it never
-- waits on anything but the lock the chain already takes. Only the chain's function writes it (the app may read it,
-- roles.ts READ_ONLY_TABLES). A path-less entry counts under ''.
CREATE TABLE IF NOT EXISTS "audit_path_counts" (
  "jurisdiction_path" text PRIMARY KEY,
  "entries" bigint NOT NULL
);--> statement-breakpoint
-- The chain head's lock first: no entry is chained (committed) between the count below and the function's new body.
SELECT 1 FROM "audit_chain_head" WHERE "id" FOR UPDATE;--> statement-breakpoint
DELETE FROM "audit_path_counts";--> statement-breakpoint
INSERT INTO "audit_path_counts" ("jurisdiction_path", "entries")
  SELECT coalesce("jurisdiction_path", ''), count(*) FROM "audit_log" GROUP BY 1;--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
  entry audit_log%ROWTYPE;
  next_hash text;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE id FOR UPDATE;
  SELECT * INTO entry FROM audit_log WHERE id = NEW.id;
  next_hash := audit_log_entry_hash(head.hash, head.seq + 1, entry);
  UPDATE audit_log SET seq = head.seq + 1, prev_hash = head.hash, hash = next_hash WHERE id = NEW.id;
  UPDATE audit_chain_head SET seq = head.seq + 1, hash = next_hash WHERE id;
  INSERT INTO audit_path_counts AS c (jurisdiction_path, entries) VALUES (coalesce(entry.jurisdiction_path, ''), 1)
    ON CONFLICT (jurisdiction_path) DO UPDATE SET entries = c.entries + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public;
--> statement-breakpoint
-- An officer's applications are those of its subtree's units (or of its subtree's programmes). Deciding that on the
-- application's own columns meant building, for the page's statement and again for the count's, the set of the
-- subtree's unit ids (5,121 for Shaoxing, 1 ms each). Applications now carry their unit's current jurisdiction, kept
-- by the database like bases.unit_name: set from the unit whenever an application is written, rewritten on the
-- unit's applications when the unit moves.
ALTER TABLE "applications" ADD COLUMN IF NOT EXISTS "unit_jurisdiction_code" text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE "applications" a SET "unit_jurisdiction_code" = u."jurisdiction_code" FROM "units" u
  WHERE u."id" = a."unit_id" AND a."unit_jurisdiction_code" <> u."jurisdiction_code";--> statement-breakpoint
CREATE OR REPLACE FUNCTION applications_unit_jurisdiction() RETURNS trigger AS $$
BEGIN
  NEW.unit_jurisdiction_code := (SELECT u.jurisdiction_code FROM units u WHERE u.id = NEW.unit_id);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
DROP TRIGGER IF EXISTS applications_unit_jurisdiction ON "applications";--> statement-breakpoint
CREATE TRIGGER applications_unit_jurisdiction BEFORE INSERT OR UPDATE OF unit_id, unit_jurisdiction_code ON "applications"
  FOR EACH ROW EXECUTE FUNCTION applications_unit_jurisdiction();--> statement-breakpoint
CREATE OR REPLACE FUNCTION units_jurisdiction_to_applications() RETURNS trigger AS $$
BEGIN
  UPDATE applications SET unit_jurisdiction_code = NEW.jurisdiction_code WHERE unit_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
DROP TRIGGER IF EXISTS units_jurisdiction_to_applications ON "units";--> statement-breakpoint
CREATE TRIGGER units_jurisdiction_to_applications AFTER UPDATE OF jurisdiction_code ON "units"
  FOR EACH ROW WHEN (OLD.jurisdiction_code IS DISTINCT FROM NEW.jurisdiction_code)
  EXECUTE FUNCTION units_jurisdiction_to_applications();--> statement-breakpoint
-- The counts of a status's or a programme's visible applications, from these indexes alone.
CREATE INDEX IF NOT EXISTS "applications_status_visibility_idx" ON "applications" USING btree ("status","unit_jurisdiction_code","programme_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "applications_programme_visibility_idx" ON "applications" USING btree ("programme_id","status","unit_jurisdiction_code");--> statement-breakpoint
ANALYZE "applications";
