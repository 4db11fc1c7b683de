/**
 * The RFC 3161 token bound to its checkpoint: forged bundles (token stripped, token by another TSA, wrong ESS hash,
 * token over another checkpoint) are refused with a Chinese reason; a genuine one passes without naming the TSA.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTimestampToken } from '../../server/evidence/tsa/timestamp';
import { generateTsaIdentity, loadTsaIdentity, type TsaIdentity } from '../../server/evidence/tsa/tsa-key';
import { signCheckpoint } from './checkpoint';
import { sha256, utf8 } from './encoding';
import { buildEntry, newSalt } from './entry';
import { hashChildren, hashLeaf } from './merkle';
import { generateNoteKey, parseSignerKey } from './note';
import { buildEvidenceBundle, type EvidenceExtra, verifyEvidenceBundleWithTimestamp } from './proof-bundle';
import { tsaExtensionLine } from './timestamp-token';

const ORIGIN = 'test.local/evidence';
const keys = generateNoteKey(ORIGIN);
const signer = parseSignerKey(keys.signerKey);
const digest = 'ff'.repeat(32);
const evidence: EvidenceExtra = {
  algorithm: 'sha256',
  digest,
  salt: newSalt(),
  metadata: { unitName: '测试单位', label: '配方' },
};
const entry = buildEntry(evidence);

let tsa: TsaIdentity;
let stranger: TsaIdentity;
/** The checkpoint of a one-leaf tree promising a token by the platform TSA. */
let note: string;

const stamp = (identity: TsaIdentity, signedNote: string, essCertificateDer?: Uint8Array) =>
  createTimestampToken(
    identity,
    { hashAlgorithm: 'sha256', digest: sha256(utf8(signedNote)) },
    { serialNumber: 1, ...(essCertificateDer ? { essCertificateDer } : {}) },
  );

const bundleWith = (tsaToken: Uint8Array | undefined, checkpoint = note) =>
  buildEvidenceBundle({
    index: 0,
    inclusionProof: [],
    checkpoint,
    evidence: { ...evidence, ...(tsaToken ? { tsaToken } : {}) },
  });

const verify = (bundle: string, trustedTsaCertificate?: string) =>
  verifyEvidenceBundleWithTimestamp(
    bundle,
    { algorithm: 'sha256', digest },
    keys.verifierKey,
    trustedTsaCertificate ? { trustedTsaCertificate } : {},
  );

beforeAll(async () => {
  tsa = await loadTsaIdentity(await generateTsaIdentity());
  stranger = await loadTsaIdentity(await generateTsaIdentity());
  note = signCheckpoint(
    { origin: ORIGIN, size: 1, rootHash: entry.leafHash, extensions: [tsaExtensionLine(tsa.certificateDer)] },
    signer,
    null,
  );
});

describe('the time-stamp token bound to its checkpoint', () => {
  it('passes for the token the checkpoint promises, without naming the TSA', async () => {
    const result = await verify(bundleWith(await stamp(tsa, note)));
    expect(result.ok, JSON.stringify(result.checks)).toBe(true);
    expect(result.checks.timestamp.status).toBe('pass');
    expect(result.timestampTime).toBeInstanceOf(Date);
    expect((await verify(bundleWith(await stamp(tsa, note)), tsa.certificatePem)).ok).toBe(true);
  });

  it('refuses a bundle whose token was stripped', async () => {
    const result = await verify(bundleWith(undefined));
    expect(result.ok).toBe(false);
    expect(result.checks.timestamp).toEqual({
      status: 'fail',
      detail: '检查点声明加盖了可信时间戳，但验证包中没有时间戳令牌（令牌可能已被删去）',
    });
  });

  it('refuses a token from another TSA, even when the verifier is handed that TSA certificate', async () => {
    const forged = bundleWith(await stamp(stranger, note));
    const result = await verify(forged);
    expect(result.ok).toBe(false);
    expect(result.checks.timestamp.detail).toContain('不是由平台公布的时间戳服务签发');
    const pinned = await verify(forged, stranger.certificatePem);
    expect(pinned.ok).toBe(false);
    expect(pinned.checks.timestamp.detail).toContain('不是检查点声明的证书');
  });

  it('refuses a token whose ESS signing-certificate hash names another certificate', async () => {
    const result = await verify(bundleWith(await stamp(tsa, note, stranger.certificateDer)));
    expect(result.ok).toBe(false);
    expect(result.checks.timestamp.detail).toContain('ESS 签名证书属性中的证书摘要与签名证书不符');
  });

  it('refuses a token over another checkpoint', async () => {
    const otherLeaf = hashLeaf(utf8('another entry'));
    const later = signCheckpoint(
      {
        origin: ORIGIN,
        size: 2,
        rootHash: hashChildren(entry.leafHash, otherLeaf),
        extensions: [tsaExtensionLine(tsa.certificateDer)],
      },
      signer,
      null,
    );
    const result = await verify(bundleWith(await stamp(tsa, later)));
    expect(result.ok).toBe(false);
    expect(result.checks.timestamp.detail).toContain('时间戳所盖的摘要与检查点不符');
  });

  it('refuses a token whose signature was altered', async () => {
    const token = await stamp(tsa, note);
    const tampered = new Uint8Array(token);
    tampered[tampered.length - 10]! ^= 0x01;
    const result = await verify(bundleWith(tampered));
    expect(result.ok).toBe(false);
    expect(result.checks.timestamp.status).toBe('fail');
  });

  it('a checkpoint without the promise (older logs) needs no token, and its token is checked only when pinned', async () => {
    const legacy = signCheckpoint({ origin: ORIGIN, size: 1, rootHash: entry.leafHash }, signer, null);
    const bare = await verify(bundleWith(undefined, legacy));
    expect(bare.ok).toBe(true);
    expect(bare.checks.timestamp.status).toBe('skipped');
    const foreign = bundleWith(await stamp(stranger, legacy), legacy);
    expect((await verify(foreign)).checks.timestamp.status).toBe('skipped');
    expect((await verify(foreign, tsa.certificatePem)).checks.timestamp.status).toBe('fail');
    expect((await verify(bundleWith(await stamp(tsa, legacy), legacy), tsa.certificatePem)).ok).toBe(true);
  });
});
