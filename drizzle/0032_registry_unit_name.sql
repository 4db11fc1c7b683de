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
