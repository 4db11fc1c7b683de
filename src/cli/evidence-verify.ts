/**
 * Offline verification of an evidence bundle: no server, no database. Checks the bundle's signature with the log's
 * public key, the inclusion proof, the rebuilt leaf entry, optionally the file's digest, and the RFC 3161 token
 * (required when the checkpoint promises one, by the TSA it names).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  type CheckResult,
  parseEvidenceExtra,
  parseTlogProof,
  verifyEvidenceBundleWithTimestamp,
} from '../core/evidence/proof-bundle';
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
  try {
    const proof = parseTlogProof(bundleText);
    const extra = proof.extra ? parseEvidenceExtra(proof.extra) : null;
    if (extra && options.filePath)
      claimed = { algorithm: extra.algorithm, digest: await fileDigest(options.filePath, extra.algorithm) };
  } catch {
    // The verification reports malformed bundles itself.
  }
  // Without --tsa-cert the TSA is the one the signed checkpoint names; with it, the token must also be by that one.
  const trusted = options.tsaCertificatePath ? await readFile(options.tsaCertificatePath, 'utf8') : undefined;
  const result = await verifyEvidenceBundleWithTimestamp(
    bundleText,
    claimed,
    options.verifierKey,
    trusted ? { trustedTsaCertificate: trusted } : {},
  );
  const checks: Record<string, CheckResult> = { ...result.checks };
  const mark = { pass: '✔', fail: '✘', skipped: '–' } as const;
  const lines = Object.entries(checks).map(
    ([name, c]) => `${mark[c.status]} ${CHECK_LABELS[name] ?? name}: ${c.detail}`,
  );
  lines.push(result.ok ? '验证通过' : '验证未通过');
  return { ok: result.ok, lines };
}
