/**
 * Server-side verification for the public page: the browser hashes the original file itself and sends only the
 * digest with the bundle (or a certificate number). Every check is reported separately, including consistency of the
 * bundle's checkpoint with the log's latest one and the RFC 3161 token.
 */
import { parseCheckpoint } from '../../../core/evidence/checkpoint';
import { parseNote } from '../../../core/evidence/note';
import {
  type CheckResult,
  parseEvidenceExtra,
  parseTlogProof,
  verifyEvidenceBundleWithTimestamp,
} from '../../../core/evidence/proof-bundle';
import type { Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { EvidenceLog } from '../../evidence/evidence-log';
import { latestCheckpoint } from '../../evidence/log-store';
import { consistencyProof, evidenceBundle, findByCertificateNumber } from './prove-evidence';

export interface VerifyInput {
  bundle?: string;
  certificateNo?: string;
  algorithm?: 'sha256' | 'sm3';
  digest?: string;
}

export async function verifyEvidence(db: Executor, log: EvidenceLog, input: VerifyInput) {
  let bundle = input.bundle;
  if (!bundle && input.certificateNo)
    bundle = (await evidenceBundle(db, (await findByCertificateNumber(db, input.certificateNo)).id)).bundle;
  if (!bundle)
    throw new AppError('validation_failed', '请提供验证包或证书编号', {
      fields: [{ path: 'bundle', message: '请提供验证包或证书编号' }],
    });

  let latest: { checkpoint: string; consistencyProof: Uint8Array[] } | undefined;
  let metadata: Record<string, unknown> | null = null;
  try {
    const proof = parseTlogProof(bundle);
    const bundleSize = parseCheckpoint(parseNote(proof.checkpoint).text).size;
    const newest = await latestCheckpoint(db);
    if (newest && Number(newest.treeSize) >= bundleSize && bundleSize > 0) {
      const cons = await consistencyProof(db, bundleSize, Number(newest.treeSize));
      latest = {
        checkpoint: newest.signedNote,
        consistencyProof: cons.hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64'))),
      };
    }
    metadata = proof.extra ? parseEvidenceExtra(proof.extra).metadata : null;
  } catch {
    // A malformed bundle is reported by the verification's format check.
  }
  const claimed = input.digest && input.algorithm ? { algorithm: input.algorithm, digest: input.digest } : null;
  // The TSA is the one the signed checkpoint names; the platform's own TSA certificate, when it has one, also pins
  // tokens of checkpoints signed before checkpoints named their TSA.
  const trusted = log.timestamper.certificatePem;
  const result = await verifyEvidenceBundleWithTimestamp(bundle, claimed, log.verifierKey, {
    ...(latest ? { latest } : {}),
    ...(trusted ? { trustedTsaCertificate: trusted } : {}),
  });
  const checks: Record<string, CheckResult> = { ...result.checks };
  // The page shows a passed time stamp's detail as a Beijing time: send the bare ISO instant.
  if (result.timestampTime) checks.timestamp = { status: 'pass', detail: result.timestampTime.toISOString() };
  return {
    ok: result.ok,
    checks,
    leafIndex: result.proof?.index ?? null,
    treeSize: result.checkpoint?.size ?? null,
    timestampTime: result.timestampTime?.toISOString() ?? null,
    metadata,
  };
}
