import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimestampToken, encodeTimestampRequest, parseTimestampToken, verifyTimestampToken } from './timestamp';
import { generateTsaIdentity, loadTsaIdentity, type TsaIdentity } from './tsa-key';

let dir: string;
let pems: { privateKeyPem: string; certificatePem: string };
let identity: TsaIdentity;
const digest = createHash('sha256').update('checkpoint note').digest();
const hex = digest.toString('hex');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shangmi-tsa-'));
  pems = await generateTsaIdentity();
  identity = await loadTsaIdentity(pems);
  writeFileSync(path.join(dir, 'tsa.pem'), pems.certificatePem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function opensslVerify(token: Uint8Array, digestHex: string, certFile = path.join(dir, 'tsa.pem')) {
  const file = path.join(dir, `resp-${Math.random()}.tsr`);
  writeFileSync(file, token);
  return spawnSync('openssl', ['ts', '-verify', '-digest', digestHex, '-in', file, '-CAfile', certFile], {
    encoding: 'utf8',
  });
}

describe('RFC 3161 time-stamp tokens', () => {
  it('issues a token that verifies in-process and with openssl ts -verify', async () => {
    const time = new Date('2026-11-22T04:05:06.789Z');
    const token = await createTimestampToken(identity, { hashAlgorithm: 'sha256', digest }, { serialNumber: 7, time });
    expect(parseTimestampToken(token)).toMatchObject({ genTime: time, serialNumber: '07' });
    // The fixed time precedes the certificate made for this test: refused in-process, a fresh token verifies.
    expect(await verifyTimestampToken(token, { digest, trustedCertificatePem: pems.certificatePem })).toMatchObject({
      ok: false,
      problems: ['盖戳时间不在时间戳服务证书的有效期内'],
    });
    const fresh = await createTimestampToken(identity, { hashAlgorithm: 'sha256', digest }, { serialNumber: 9 });
    expect(await verifyTimestampToken(fresh, { digest, trustedCertificatePem: pems.certificatePem })).toMatchObject({
      ok: true,
      problems: [],
    });
    const result = opensslVerify(token, hex);
    expect(result.stdout + result.stderr).toContain('Verification: OK');
    expect(result.status).toBe(0);
    writeFileSync(path.join(dir, 'shown.tsr'), token);
    const text = execFileSync('openssl', ['ts', '-reply', '-in', path.join(dir, 'shown.tsr'), '-text'], {
      encoding: 'utf8',
    });
    expect(text).toContain('Time stamp: Nov 22 04:05:06.789 2026 GMT');
  });

  it('the certificate marks timeStamping as a critical extended key usage', () => {
    const text = execFileSync('openssl', ['x509', '-in', path.join(dir, 'tsa.pem'), '-noout', '-text'], {
      encoding: 'utf8',
    });
    expect(text).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
  });

  it('is rejected for another digest, a flipped signature byte, or another certificate', async () => {
    const token = await createTimestampToken(identity, { hashAlgorithm: 'sha256', digest }, { serialNumber: 8 });
    const other = createHash('sha256').update('other').digest();
    expect((await verifyTimestampToken(token, { digest: other })).ok).toBe(false);
    expect(opensslVerify(token, other.toString('hex')).status).not.toBe(0);

    const tampered = new Uint8Array(token);
    const at = tampered.length - 10; // inside the signature, the last field of the token
    tampered[at] = tampered[at]! ^ 0x01;
    expect((await verifyTimestampToken(tampered, { digest, trustedCertificatePem: pems.certificatePem })).ok).toBe(
      false,
    );
    expect(opensslVerify(tampered, hex).status).not.toBe(0);

    const stranger = await generateTsaIdentity();
    writeFileSync(path.join(dir, 'stranger.pem'), stranger.certificatePem);
    expect((await verifyTimestampToken(token, { digest, trustedCertificatePem: stranger.certificatePem })).ok).toBe(
      false,
    );
    expect(opensslVerify(token, hex, path.join(dir, 'stranger.pem')).status).not.toBe(0);
  });

  it('encodes a time-stamp request that openssl reads', () => {
    const file = path.join(dir, 'req.tsq');
    writeFileSync(file, encodeTimestampRequest(digest));
    const text = execFileSync('openssl', ['ts', '-query', '-in', file, '-text'], { encoding: 'utf8' });
    expect(text.replace(/\s/g, '')).toContain(hex.slice(0, 16).match(/../g)!.join(''));
  });
});
