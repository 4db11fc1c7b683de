import type { Executor } from '../../db/client';
import { certificateNumber, coveringCheckpoint, type SubmissionRow } from './evidence-queries';

/** What the firm (and the API) sees of one submission. */
export async function evidenceView(db: Executor, row: NonNullable<SubmissionRow>) {
  const leafIndex = row.leafIndex === null ? null : Number(row.leafIndex);
  const checkpoint = leafIndex === null ? null : await coveringCheckpoint(db, leafIndex);
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    creditCode: row.creditCode,
    algorithm: row.algorithm,
    digest: row.digest,
    label: row.label,
    createdAt: row.createdAt,
    status: checkpoint ? ('sealed' as const) : ('pending' as const),
    leafIndex,
    certificateNo: leafIndex === null ? null : certificateNumber(leafIndex, row.id),
    treeSize: checkpoint ? Number(checkpoint.treeSize) : null,
    rootHash: checkpoint ? Buffer.from(checkpoint.rootHash).toString('base64') : null,
    timestampTime: checkpoint?.timestampTime ?? null,
  };
}
export type EvidenceView = Awaited<ReturnType<typeof evidenceView>>;
