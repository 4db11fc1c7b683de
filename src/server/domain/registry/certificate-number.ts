/**
 * Certificate numbers of bases, from the programme's pattern (src/core/programs/certificate-number.ts; default
 * "{owner}-{year}-{kind}-{n}", e.g. "330600-2021-1-001") — the sequence counts per owner, year and kind.
 * Issued under a transaction-scoped advisory lock on what precedes the sequence, so two certifications committing
 * together never take the same number (the unique index stays the last line of defence).
 */
import { sql } from 'drizzle-orm';
import { certificateNumbering, kindCertificateCode } from '../../../core/programs/certificate-number';
import type { BaseKindOffer, Programme } from '../../../core/programs/schema';
import type { Executor } from '../../db/client';
import { bases } from '../../db/schema';

/** The next free number; call inside the transaction that inserts the base. */
export async function issueCertificateNo(
  tx: Executor,
  programme: Programme,
  ownerCode: string,
  year: number,
  kind: BaseKindOffer,
) {
  const numbering = certificateNumbering(programme.certificateNumberPattern, {
    owner: ownerCode,
    year,
    kind: kindCertificateCode(kind),
  });
  const { prefix } = numbering;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`shangmi:certificate:${prefix}`}))`);
  const rows = await tx
    .select({ no: bases.certificateNo })
    .from(bases)
    .where(sql`starts_with(${bases.certificateNo}, ${prefix})`);
  const taken = rows.map((r) => numbering.sequenceOf(r.no)).filter((n): n is number => n !== null);
  return numbering.format(Math.max(0, ...taken) + 1);
}
