/**
 * Certificate numbers of bases: `<owner jurisdiction code>-<programme year>-<kind id>-<sequence>`, e.g.
 * "330600-2021-point-001" — the sequence counts per owner, year and kind, three digits (more when it passes 999).
 * Issued under a transaction-scoped advisory lock on the prefix, so two certifications committing together never
 * take the same number (the unique index stays the last line of defence).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { bases } from '../../db/schema';

export function certificatePrefix(ownerCode: string, year: number, kindId: string): string {
  return `${ownerCode}-${year}-${kindId}-`;
}

export function formatCertificateNo(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}

/** The next free number for the prefix; call inside the transaction that inserts the base. */
export async function issueCertificateNo(tx: Executor, ownerCode: string, year: number, kindId: string) {
  const prefix = certificatePrefix(ownerCode, year, kindId);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`shangmi:certificate:${prefix}`}))`);
  const rows = await tx
    .select({ no: bases.certificateNo })
    .from(bases)
    .where(sql`starts_with(${bases.certificateNo}, ${prefix})`);
  const taken = rows
    .map((r) => r.no.slice(prefix.length))
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
  return formatCertificateNo(prefix, Math.max(0, ...taken) + 1);
}
