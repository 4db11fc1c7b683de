/**
 * The audit trail's hash chain (migration 0014): the database chains every entry when its transaction commits; this
 * module walks the chain and recomputes every hash in TypeScript, independently of the SQL that wrote it, so an edit,
 * a removal or an insertion made around the append-only trigger (by the table's owner or a superuser) is found.
 *
 * Canonical form of an entry (what `hash` is over): the lower-case hex SHA-256 of the UTF-8 bytes of a JSON array,
 * written without whitespace (JSON.stringify), of these 15 values, each a string or null:
 *   [prev_hash, seq, id, at, actor_id, actor_name, ip, user_agent, action, entity_type, entity_id,
 *    jurisdiction_path, unit_id, before, after]
 * - prev_hash: the hash of the entry at seq - 1; for seq 1, 64 zeros ("genesis").
 * - seq, id: decimal integers as strings.
 * - at: UTC with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
 * - actor_id, unit_id: UUIDs in PostgreSQL's lower-case text form.
 * - before, after: the jsonb values in PostgreSQL's text output (`before::text`), which is canonical for jsonb
 *   (keys sorted, duplicates removed, fixed spacing).
 * Seq runs 1, 2, 3 … without gaps; audit_chain_head holds the newest seq and hash.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from './db/client';

export const GENESIS_HASH = '0'.repeat(64);

/** One entry as the canonical form reads it: every field as PostgreSQL's text (or null). */
export interface ChainEntryText {
  id: string;
  seq: string | null;
  prevHash: string | null;
  hash: string | null;
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  jurisdictionPath: string | null;
  unitId: string | null;
  before: string | null;
  after: string | null;
}

export function entryHash(prevHash: string, seq: string, e: ChainEntryText): string {
  const canonical = JSON.stringify([
    prevHash,
    seq,
    e.id,
    e.at,
    e.actorId,
    e.actorName,
    e.ip,
    e.userAgent,
    e.action,
    e.entityType,
    e.entityId,
    e.jurisdictionPath,
    e.unitId,
    e.before,
    e.after,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface ChainProblem {
  /** audit_log.id of the first entry found wrong (null when the problem is the end of the chain). */
  id: string | null;
  seq: string | null;
  /** What is wrong, in Chinese, for the operator. */
  message: string;
}

export interface ChainReport {
  ok: boolean;
  /** Entries walked and found correct before the first problem (all of them when ok). */
  verified: number;
  problem?: ChainProblem;
}

const PAGE = 1000;

function selectEntries(where: ReturnType<typeof sql>) {
  return sql`SELECT id::text AS "id", seq::text AS "seq", prev_hash AS "prevHash", hash AS "hash",
      to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "at",
      actor_id::text AS "actorId", actor_name AS "actorName", ip AS "ip", user_agent AS "userAgent",
      action AS "action", entity_type AS "entityType", entity_id AS "entityId",
      jurisdiction_path AS "jurisdictionPath", unit_id::text AS "unitId",
      before::text AS "before", after::text AS "after"
    FROM audit_log ${where}`;
}

async function rows<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  // db.execute's result type is driver-specific; both drivers return { rows }.
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Walks the whole chain in seq order and reports the first problem: an entry outside the chain (inserted with the
 * trigger bypassed), a gap in seq (an entry removed), a prev_hash that is not the previous entry's hash (removed or
 * reordered entries), a hash that does not match the content (an edit), or a chain head that the last entry does not
 * reach (entries removed from the end). Entries of transactions still open are not yet chained and not visible.
 */
export async function verifyAuditChain(db: Executor): Promise<ChainReport> {
  const [unchained] = await rows<ChainEntryText>(
    db,
    selectEntries(sql`WHERE seq IS NULL ORDER BY audit_log.id LIMIT 1`),
  );
  if (unchained) {
    return {
      ok: false,
      verified: 0,
      problem: { id: unchained.id, seq: null, message: `记录 ${unchained.id} 不在哈希链中（绕过触发器插入）` },
    };
  }
  let prev = GENESIS_HASH;
  let expectedSeq = 1n;
  let verified = 0;
  for (;;) {
    const page = await rows<ChainEntryText>(
      db,
      selectEntries(sql`WHERE seq >= ${expectedSeq.toString()}::bigint ORDER BY audit_log.seq LIMIT ${PAGE}`),
    );
    for (const entry of page) {
      const fail = (message: string): ChainReport => ({
        ok: false,
        verified,
        problem: { id: entry.id, seq: entry.seq, message },
      });
      if (entry.seq !== expectedSeq.toString()) {
        return fail(`记录 ${entry.id} 的序号为 ${entry.seq}，应为 ${expectedSeq}：其前的记录被删除`);
      }
      if (entry.prevHash !== prev) {
        return fail(`记录 ${entry.id}（序号 ${entry.seq}）的前一哈希与上一条记录不符：记录被删除、插入或调换`);
      }
      if (entry.hash !== entryHash(prev, entry.seq, entry)) {
        return fail(`记录 ${entry.id}（序号 ${entry.seq}）的内容与其哈希不符：记录被修改`);
      }
      prev = entry.hash;
      expectedSeq++;
      verified++;
    }
    if (page.length < PAGE) break;
  }
  const [head] = await rows<{ seq: string; hash: string }>(
    db,
    sql`SELECT seq::text AS "seq", hash AS "hash" FROM audit_chain_head`,
  );
  const lastSeq = (expectedSeq - 1n).toString();
  if (!head || head.seq !== lastSeq || head.hash !== prev) {
    return {
      ok: false,
      verified,
      problem: {
        id: null,
        seq: head?.seq ?? null,
        message: head
          ? `链头记录序号 ${head.seq}，但链只到序号 ${lastSeq}：末尾的记录被删除或链头被修改`
          : '缺少链头记录（audit_chain_head）',
      },
    };
  }
  return { ok: true, verified };
}
