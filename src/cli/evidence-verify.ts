/**
 * Offline verification of an evidence bundle: no server, no database. Checks the bundle's signature with the log's
 * public key, the inclusion proof, the rebuilt leaf entry, optionally the file's digest, and the RFC 3161 token.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { sha256, utf8 } from '../core/evidence/encoding';
import {
  type CheckResult,
  parseEvidenceExtra,
  parseTlogProof,
  verifyEvidenceBundle,
} from '../core/evidence/proof-bundle';
import { verifyTimestampToken } from '../server/evidence/tsa/timestamp';
import { EvidenceCheck } from '../shared/enums';

const CHECK_LABELS: Record<string, string> = EvidenceCheck.labels;

async function fileDigest(file: string, algorithm: string): Promise<string> {
  if (algorithm === 'sm3') {
    const { sm3 } = await import('hash-wasm');
    return sm3(new Uint8Array(await readFile(file)));
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface VerifyOptions {
  bundlePath: string;
  verifierKey: string;
  filePath?: string;
  tsaCertificatePath?: string;
}

export async function verifyEvidenceFile(options: VerifyOptions): Promise<{ ok: boolean; lines: string[] }> {
  const bundleText = await readFile(options.bundlePath, 'utf8');
  let claimed: { algorithm: string; digest: string } | null = null;
  let timestamp: CheckResult = { status: 'skipped', detail: '验证包中没有可信时间戳' };
  try {
    const proof = parseTlogProof(bundleText);
    const extra = proof.extra ? parseEvidenceExtra(proof.extra) : null;
    if (extra && options.filePath)
      claimed = { algorithm: extra.algorithm, digest: await fileDigest(options.filePath, extra.algorithm) };
    if (extra?.tsaToken) {
      const trusted = options.tsaCertificatePath ? await readFile(options.tsaCertificatePath, 'utf8') : undefined;
      const result = await verifyTimestampToken(extra.tsaToken, {
        digest: sha256(utf8(proof.checkpoint)),
        trustedCertificatePem: trusted,
      });
      timestamp = result.ok
        ? {
            status: 'pass',
            detail: `盖戳时间 ${result.genTime?.toISOString()}${trusted ? '' : '（证书取自时间戳令牌本身，未经独立信任）'}`,
          }
        : { status: 'fail', detail: result.problems.join('；') };
    }
  } catch {
    // verifyEvidenceBundle reports malformed bundles itself.
  }
  const result = verifyEvidenceBundle(bundleText, claimed, options.verifierKey);
  const checks: Record<string, CheckResult> = { ...result.checks, timestamp };
  const mark = { pass: '✔', fail: '✘', skipped: '–' } as const;
  const lines = Object.entries(checks).map(
    ([name, c]) => `${mark[c.status]} ${CHECK_LABELS[name] ?? name}: ${c.detail}`,
  );
  const ok = result.ok && timestamp.status !== 'fail';
  lines.push(ok ? '验证通过' : '验证未通过');
  return { ok, lines };
}
