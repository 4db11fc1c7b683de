-- The audit trail becomes a hash chain (issue 11): every entry carries its position in the chain (seq), the hash of
-- the entry before it (prev_hash) and its own hash over its canonical content (hash), so an entry edited, removed or
-- slipped in by somebody who bypasses the append-only trigger (the table's owner, a superuser) is detectable by
-- `npm run cli -- audit verify`. The canonical form is documented in docs/ARCHITECTURE.md ("Audit hash chain") and
-- src/server/audit-chain.ts, which recomputes it independently.
ALTER TABLE audit_log ADD COLUMN seq bigint;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN prev_hash text;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN hash text;
--> statement-breakpoint
CREATE UNIQUE INDEX audit_log_seq_idx ON audit_log (seq);
--> statement-breakpoint
-- One row: the chain's newest position and hash. Appending locks it (FOR UPDATE), which serialises appends across
-- every instance; it also lets verify notice entries removed from the end of the chain.
CREATE TABLE audit_chain_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash text NOT NULL
);
--> statement-breakpoint
-- hash = lower-case hex SHA-256 of the UTF-8 bytes of a JSON array of strings or nulls, without whitespace:
-- [prev_hash, seq, id, at (UTC, microseconds, e.g. 2026-12-07T03:16:15.123456Z), actor_id, actor_name, ip,
--  user_agent, action, entity_type, entity_id, jurisdiction_path, unit_id, before (jsonb as text), after (jsonb as text)]
CREATE OR REPLACE FUNCTION audit_log_entry_hash(p_prev text, p_seq bigint, r audit_log) RETURNS text AS $$
  SELECT encode(sha256(convert_to(array_to_json(ARRAY[
    p_prev, p_seq::text, r.id::text,
    to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r.actor_id::text, r.actor_name, r.ip, r.user_agent, r.action, r.entity_type, r.entity_id,
    r.jurisdiction_path, r.unit_id::text, r.before::text, r.after::text
  ]::text[])::text, 'UTF8')), 'hex')
$$ LANGUAGE sql STABLE SET search_path = pg_catalog, public;
--> statement-breakpoint
-- The append-only rule, with one exception: the chain fields of an entry not yet chained may be filled in once,
-- leaving every other field as it was (what audit_log_chain does at commit).
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.seq IS NULL AND NEW.hash IS NOT NULL AND NEW.seq IS NOT NULL
     AND (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Whoever inserts an entry does not choose its place in the chain.
CREATE OR REPLACE FUNCTION audit_log_unchained() RETURNS trigger AS $$
BEGIN
  NEW.seq := NULL;
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_unchained BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_unchained();
--> statement-breakpoint
-- Chains an entry when its transaction commits (a deferred constraint trigger): the chain head is locked only for
-- the commit itself, not for the rest of the writing transaction, so appends serialise briefly and never deadlock
-- with the row locks a transaction takes after writing its audit entry. SECURITY DEFINER: it runs as the migrator,
-- so the app's role needs neither UPDATE on audit_log nor any write on audit_chain_head.
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
  RETURN NULL;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_log_chain AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
-- Backfill: the entries written before this migration are chained in id order from the genesis hash (64 zeros).
DO $$
DECLARE
  entry audit_log%ROWTYPE;
  prev text := repeat('0', 64);
  n bigint := 0;
  h text;
BEGIN
  FOR entry IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    h := audit_log_entry_hash(prev, n, entry);
    UPDATE audit_log SET seq = n, prev_hash = prev, hash = h WHERE id = entry.id;
    prev := h;
  END LOOP;
  INSERT INTO audit_chain_head (id, seq, hash) VALUES (true, n, prev);
END $$;
