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
import { databaseHashReader, MissingStoredHashError } from '../../evidence/log-store';
import { coveringCheckpoint, findSubmission, findSubmissionByLeaf, parseCertificateNumber } from './evidence-queries';

const badProof = (message: string) => new AppError('validation_failed', message);

/**
 * Reads the hashes a proof needs in one query. Stored hashes exist only for sealed leaves, and leaves are sealed in
 * the transaction that publishes their checkpoint, so a missing hash means the size asked for is not published yet.
 */
async function readProofHashes(db: Executor, indexes: number[], beyondMessage: string) {
  try {
    return await databaseHashReader(db).readHashes(indexes);
  } catch (error) {
    if (error instanceof MissingStoredHashError) throw badProof(beyondMessage);
    throw error;
  }
}

const toBase64 = (hashes: Uint8Array[]) => hashes.map((h) => Buffer.from(h).toString('base64'));

export async function inclusionProof(db: Executor, index: number, size: number) {
  if (!(index < size)) throw badProof('index 必须小于 size');
  const hashes = await readProofHashes(db, inclusionProofIndexes(size, index), 'size 超过当前已发布的树大小');
  return { index, size, hashes: toBase64(inclusionProofFromHashes(size, index, hashes)) };
}

export async function consistencyProof(db: Executor, from: number, to: number) {
  if (!(from >= 1 && from <= to)) throw badProof('应满足 1 ≤ from ≤ to');
  const hashes = await readProofHashes(db, consistencyProofIndexes(to, from), 'to 超过当前已发布的树大小');
  return { from, to, hashes: toBase64(consistencyProofFromHashes(to, from, hashes)) };
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
  if (!parsed || !row?.id.replaceAll('-', '').startsWith(parsed.idPrefix)) throw notFound('存证证书');
  return row;
}
