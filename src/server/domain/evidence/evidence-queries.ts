import { and, asc, count, desc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { evidenceCheckpoints, evidenceLeaves, evidenceSubmissions, units } from '../../db/schema';

/**
 * Certificate numbers name the leaf and carry part of the submission's random id, so they cannot be enumerated:
 * SMEV-<leaf index, 8 digits>-<first 8 hex of the submission id>.
 */
export function certificateNumber(leafIndex: number, submissionId: string): string {
  return `SMEV-${String(leafIndex).padStart(8, '0')}-${submissionId.replaceAll('-', '').slice(0, 8).toUpperCase()}`;
}

export function parseCertificateNumber(no: string): { leafIndex: number; idPrefix: string } | null {
  const m = /^SMEV-(\d{8,})-([0-9A-F]{8})$/.exec(no.trim().toUpperCase());
  return m ? { leafIndex: Number(m[1]), idPrefix: m[2]!.toLowerCase() } : null;
}

const submissionColumns = {
  id: evidenceSubmissions.id,
  unitId: evidenceSubmissions.unitId,
  unitName: units.name,
  creditCode: units.creditCode,
  algorithm: evidenceSubmissions.algorithm,
  digest: evidenceSubmissions.digest,
  label: evidenceSubmissions.label,
  salt: evidenceSubmissions.salt,
  metadata: evidenceSubmissions.metadata,
  entry: evidenceSubmissions.entry,
  createdAt: evidenceSubmissions.createdAt,
  leafIndex: evidenceLeaves.leafIndex,
};

function submissionsQuery(db: Executor) {
  return db
    .select(submissionColumns)
    .from(evidenceSubmissions)
    .innerJoin(units, eq(units.id, evidenceSubmissions.unitId))
    .leftJoin(evidenceLeaves, eq(evidenceLeaves.submissionId, evidenceSubmissions.id));
}

export type SubmissionRow = Awaited<ReturnType<typeof findSubmission>>;

export async function findSubmission(db: Executor, id: string) {
  const [row] = await submissionsQuery(db).where(eq(evidenceSubmissions.id, id));
  return row ?? null;
}

export async function findSubmissionByDigest(db: Executor, unitId: string, algorithm: string, digest: string) {
  const [row] = await submissionsQuery(db).where(
    and(
      eq(evidenceSubmissions.unitId, unitId),
      eq(evidenceSubmissions.algorithm, algorithm),
      eq(evidenceSubmissions.digest, digest),
    ),
  );
  return row ?? null;
}

export async function findSubmissionByLeaf(db: Executor, leafIndex: number) {
  const [row] = await submissionsQuery(db).where(eq(evidenceLeaves.leafIndex, leafIndex));
  return row ?? null;
}

export async function listUnitSubmissions(db: Executor, unitId: string, page: number, pageSize: number) {
  const items = await submissionsQuery(db)
    .where(eq(evidenceSubmissions.unitId, unitId))
    .orderBy(desc(evidenceSubmissions.createdAt), asc(evidenceSubmissions.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totals] = await db
    .select({ total: count() })
    .from(evidenceSubmissions)
    .where(eq(evidenceSubmissions.unitId, unitId));
  return { items, total: totals?.total ?? 0 };
}

/** The first checkpoint that covers a leaf: the one its batch was sealed under. */
export async function coveringCheckpoint(db: Executor, leafIndex: number) {
  const [row] = await db
    .select()
    .from(evidenceCheckpoints)
    .where(gt(evidenceCheckpoints.treeSize, leafIndex))
    .orderBy(asc(evidenceCheckpoints.treeSize))
    .limit(1);
  return row ?? null;
}
