/**
 * Public read side of the log: inclusion and consistency proofs, bundles for offline verification, look-up by
 * certificate number. Nothing here needs a login; nothing here reveals which firm a leaf belongs to except the
 * bundle, which is reachable only through the submission's unguessable id or certificate number.
 */

import {
  consistencyProofFromHashes,
  consistencyProofIndexes,
  inclusionProofFromHashes,
  inclusionProofIndexes,
} from '../../../core/evidence/merkle';
import { buildEvidenceBundle } from '../../../core/evidence/proof-bundle';
import type { Executor } from '../../db/client';
import { AppError, notFound } from '../../errors';
import { databaseHashReader, latestCheckpoint } from '../../evidence/log-store';
import { coveringCheckpoint, findSubmission, findSubmissionByLeaf, parseCertificateNumber } from './evidence-queries';

const badProof = (message: string) => new AppError('validation_failed', message);

async function treeSizeNow(db: Executor): Promise<number> {
  const latest = await latestCheckpoint(db);
  return latest ? Number(latest.treeSize) : 0;
}

export async function inclusionProof(db: Executor, index: number, size: number) {
  if (!(index < size)) throw badProof('index 必须小于 size');
  if (size > (await treeSizeNow(db))) throw badProof('size 超过当前已发布的树大小');
  const hashes = await databaseHashReader(db).readHashes(inclusionProofIndexes(size, index));
  return {
    index,
    size,
    hashes: inclusionProofFromHashes(size, index, hashes).map((h) => Buffer.from(h).toString('base64')),
  };
}

export async function consistencyProof(db: Executor, from: number, to: number) {
  if (!(from >= 1 && from <= to)) throw badProof('应满足 1 ≤ from ≤ to');
  if (to > (await treeSizeNow(db))) throw badProof('to 超过当前已发布的树大小');
  const hashes = await databaseHashReader(db).readHashes(consistencyProofIndexes(to, from));
  return {
    from,
    to,
    hashes: consistencyProofFromHashes(to, from, hashes).map((h) => Buffer.from(h).toString('base64')),
  };
}

/** The `.tlog-proof` of one submission against the checkpoint it was sealed under, with its TSA token. */
export async function evidenceBundle(db: Executor, submissionId: string) {
  const row = await findSubmission(db, submissionId);
  if (!row || row.leafIndex === null) throw notFound('存证');
  const leafIndex = Number(row.leafIndex);
  const checkpoint = (await coveringCheckpoint(db, leafIndex))!;
  const size = Number(checkpoint.treeSize);
  const proof = await inclusionProof(db, leafIndex, size);
  const bundle = buildEvidenceBundle({
    index: leafIndex,
    inclusionProof: proof.hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64'))),
    checkpoint: checkpoint.signedNote,
    evidence: {
      algorithm: row.algorithm as 'sha256' | 'sm3',
      digest: row.digest,
      salt: new Uint8Array(row.salt),
      metadata: row.metadata as Record<string, string>,
      tsaToken: new Uint8Array(checkpoint.timestampToken),
    },
  });
  return { row, checkpoint, bundle };
}

export async function findByCertificateNumber(db: Executor, certificateNo: string) {
  const parsed = parseCertificateNumber(certificateNo);
  const row = parsed ? await findSubmissionByLeaf(db, parsed.leafIndex) : null;
  if (!parsed || !row || !row.id.replaceAll('-', '').startsWith(parsed.idPrefix)) throw notFound('存证证书');
  return row;
}
