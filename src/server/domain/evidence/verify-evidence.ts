/**
 * Server-side verification for the public page: the browser hashes the original file itself and sends only the
 * digest with the bundle (or a certificate number). Every check is reported separately, including consistency of the
 * bundle's checkpoint with the log's latest one and the RFC 3161 token.
 */
import { parseCheckpoint } from '../../../core/evidence/checkpoint';
import { sha256, utf8 } from '../../../core/evidence/encoding';
import { parseNote } from '../../../core/evidence/note';
import {
  type CheckResult,
  parseEvidenceExtra,
  parseTlogProof,
  verifyEvidenceBundle,
} from '../../../core/evidence/proof-bundle';
import type { Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { EvidenceLog } from '../../evidence/evidence-log';
import { latestCheckpoint } from '../../evidence/log-store';
import { verifyTimestampToken } from '../../evidence/tsa/timestamp';
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
  let timestamp: CheckResult = { status: 'skipped', detail: '验证包中没有可信时间戳' };
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
    const extra = proof.extra ? parseEvidenceExtra(proof.extra) : null;
    metadata = extra?.metadata ?? null;
    if (extra?.tsaToken) {
      const result = await verifyTimestampToken(extra.tsaToken, {
        digest: sha256(utf8(proof.checkpoint)),
        trustedCertificatePem: log.timestamper.certificatePem ?? undefined,
      });
      timestamp = result.ok
        ? { status: 'pass', detail: result.genTime?.toISOString() ?? '' }
        : { status: 'fail', detail: result.problems.join('；') };
    }
  } catch {
    // A malformed bundle is reported by verifyEvidenceBundle's format check.
  }
  const claimed = input.digest && input.algorithm ? { algorithm: input.algorithm, digest: input.digest } : null;
  const result = verifyEvidenceBundle(bundle, claimed, log.verifierKey, latest ? { latest } : {});
  const checks = { ...result.checks, timestamp };
  return {
    ok: result.ok && timestamp.status !== 'fail',
    checks,
    leafIndex: result.proof?.index ?? null,
    treeSize: result.checkpoint?.size ?? null,
    timestampTime: timestamp.status === 'pass' ? timestamp.detail : null,
    metadata,
  };
}
