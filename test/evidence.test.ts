import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidenceFile } from '../src/cli/evidence-verify';
import { openCheckpoint } from '../src/core/evidence/checkpoint';
import { fromBase64, sha256, utf8 } from '../src/core/evidence/encoding';
import { verifyConsistency, verifyInclusion } from '../src/core/evidence/merkle';
import { parseVerifierKey } from '../src/core/evidence/note';
import {
  encodeEvidenceExtra,
  formatTlogProof,
  parseEvidenceExtra,
  parseTlogProof,
  verifyEvidenceBundle,
} from '../src/core/evidence/proof-bundle';
import { createTimestampToken } from '../src/server/evidence/tsa/timestamp';
import { generateTsaIdentity, loadTsaIdentity, type TsaIdentity } from '../src/server/evidence/tsa/tsa-key';
import { buildTestApp, type Client, type TestApp, testDatabaseKind } from './helpers/app';
import { pdfQrCodes } from './helpers/pdf';

let t: TestApp;
let firm: Client;
const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
const b64 = (s: string) => fromBase64(s)!;

beforeAll(async () => {
  t = await buildTestApp();
  firm = await t.login('applicant1');
});
afterAll(async () => {
  await t.close();
});

describe('evidence preservation', () => {
  it('answers a submission once a signed checkpoint covers it, and verifies offline from the bundle', async () => {
    const digest = digestOf('配方说明书 v3');
    const res = await firm.post('/api/v1/evidence/entries', {
      algorithm: 'sha256',
      digest,
      label: '核心配方说明书 v3',
    });
    expect(res.statusCode, res.body).toBe(200);
    const entry = res.json();
    expect(entry).toMatchObject({
      status: 'sealed',
      digest,
      label: '核心配方说明书 v3',
      leafIndex: expect.any(Number),
    });
    expect(entry.certificateNo).toMatch(/^SMEV-\d{8}-[0-9A-F]{8}$/);
    expect(new Date(entry.timestampTime).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const keys = (await t.anonymous.get('/api/v1/evidence/keys')).json();
    const bundle = (await t.anonymous.get(`/api/v1/evidence/entries/${entry.id}/bundle`)).body;
    const verified = verifyEvidenceBundle(bundle, { algorithm: 'sha256', digest }, keys.verifierKey);
    expect(verified.ok, JSON.stringify(verified.checks)).toBe(true);
    // The log itself names no firm: the unit name is only inside the salted commitment.
    const checkpointText = (await t.anonymous.get('/api/v1/evidence/checkpoint')).body;
    expect(checkpointText).not.toContain('普瑞');
    expect(parseEvidenceExtra(parseTlogProof(bundle).extra!).tsaToken?.length).toBeGreaterThan(100);

    const other = verifyEvidenceBundle(bundle, { algorithm: 'sha256', digest: digestOf('别的文件') }, keys.verifierKey);
    expect(other.ok).toBe(false);
    expect(other.checks.digest.status).toBe('fail');
    const tampered = bundle.replace(/^(\d+)$/m, (n) => String(Number(n) + 1));
    expect(verifyEvidenceBundle(tampered, { algorithm: 'sha256', digest }, keys.verifierKey).ok).toBe(false);
  });

  it('returns the existing entry for the same digest from the same unit', async () => {
    const digest = digestOf('客户名单 2026');
    const first = (
      await firm.post('/api/v1/evidence/entries', { algorithm: 'sha256', digest, label: '客户名单' })
    ).json();
    const again = (
      await firm.post('/api/v1/evidence/entries', {
        algorithm: 'sha256',
        digest: digest.toUpperCase(),
        label: '重复提交',
      })
    ).json();
    expect(again.id).toBe(first.id);
    expect(again.label).toBe('客户名单');
  });

  it('serves signed checkpoints and proofs that verify with the published key', async () => {
    for (let i = 0; i < 5; i++) {
      await firm.post('/api/v1/evidence/entries', {
        algorithm: 'sm3',
        digest: digestOf(`图纸 ${i}`),
        label: `图纸 ${i}`,
      });
    }
    const keys = (await t.anonymous.get('/api/v1/evidence/keys')).json();
    expect(keys.tsaCertificate).toContain('BEGIN CERTIFICATE');
    const note = (await t.anonymous.get('/api/v1/evidence/checkpoint')).body;
    const { checkpoint } = openCheckpoint(note, parseVerifierKey(keys.verifierKey));
    expect(checkpoint.size).toBeGreaterThanOrEqual(7);

    const mine = (await firm.get('/api/v1/evidence/entries?pageSize=50')).json();
    expect(mine.total).toBe(checkpoint.size);
    const some = mine.items[2];
    const incl = (
      await t.anonymous.get(`/api/v1/evidence/proofs/inclusion?index=${some.leafIndex}&size=${checkpoint.size}`)
    ).json();
    const bundle = (await t.anonymous.get(`/api/v1/evidence/entries/${some.id}/bundle`)).body;
    const proof = parseTlogProof(bundle);
    const leafHash = verifyEvidenceBundle(bundle, null, keys.verifierKey).leafHash!;
    expect(verifyInclusion(leafHash, some.leafIndex, checkpoint.size, incl.hashes.map(b64), checkpoint.rootHash)).toBe(
      true,
    );

    const early = openCheckpoint(proof.checkpoint, parseVerifierKey(keys.verifierKey)).checkpoint;
    const cons = (
      await t.anonymous.get(`/api/v1/evidence/proofs/consistency?from=${early.size}&to=${checkpoint.size}`)
    ).json();
    expect(
      verifyConsistency(early.size, checkpoint.size, cons.hashes.map(b64), early.rootHash, checkpoint.rootHash),
    ).toBe(true);
  });

  it("issues a PDF certificate in Chinese with the entry's certificate number", async () => {
    const entry = (
      await firm.post('/api/v1/evidence/entries', {
        algorithm: 'sha256',
        digest: digestOf('模具图纸'),
        label: '模具图纸',
      })
    ).json();
    const res = await t.anonymous.get(`/api/v1/evidence/entries/${entry.id}/certificate`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getTitle()).toBe(`存证证书 ${entry.certificateNo}`);
    expect(pdf.getPageCount()).toBe(1);
    // The CJK font is embedded as a subset, not the 8 MB original.
    expect(res.rawPayload.length).toBeLessThan(1_000_000);
    // Without PUBLIC_BASE_URL the QR code points at the configured HOST:PORT, never at a Host the caller forged.
    const forged = await t.anonymous.request({
      method: 'GET',
      url: `/api/v1/evidence/entries/${entry.id}/certificate`,
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(t.config.PUBLIC_BASE_URL).toBeUndefined();
    expect(await pdfQrCodes(forged.rawPayload)).toEqual([
      `http://${t.config.HOST}:${t.config.PORT}/verify?no=${encodeURIComponent(entry.certificateNo)}`,
    ]);
  });

  it('finds an entry by certificate number, and not by a guessed one', async () => {
    const entry = (
      await firm.post('/api/v1/evidence/entries', {
        algorithm: 'sha256',
        digest: digestOf('工艺参数'),
        label: '工艺参数表',
      })
    ).json();
    const found = await t.anonymous.get(`/api/v1/evidence/certificates/${entry.certificateNo}`);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ id: entry.id, bundle: expect.stringContaining('c2sp.org/tlog-proof@v1') });
    const guessed = entry.certificateNo.replace(/-[0-9A-F]{8}$/, '-00000000');
    expect((await t.anonymous.get(`/api/v1/evidence/certificates/${guessed}`)).statusCode).toBe(404);
  });

  it('only logged-in applicants submit; bad input is a 4xx', async () => {
    const body = { algorithm: 'sha256', digest: digestOf('x'), label: 'x' };
    expect((await t.anonymous.post('/api/v1/evidence/entries', body)).statusCode).toBe(401);
    expect((await (await t.login('putuo')).post('/api/v1/evidence/entries', body)).statusCode).toBe(403);
    const bad = await firm.post('/api/v1/evidence/entries', { ...body, digest: 'abc', algorithm: 'md5' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['algorithm', 'digest']);
    expect((await t.anonymous.get('/api/v1/evidence/proofs/inclusion?index=5&size=3')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/v1/evidence/proofs/inclusion?index=0&size=999999')).statusCode).toBe(400);
  });

  it('verifies offline with the CLI, without a server', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shangmi-verify-'));
    try {
      const file = path.join(dir, '配方.txt');
      writeFileSync(file, '绝密配方：水 70%，糖 30%');
      const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
      const entry = (
        await firm.post('/api/v1/evidence/entries', { algorithm: 'sha256', digest, label: '配方' })
      ).json();
      const bundlePath = path.join(dir, 'entry.tlog-proof');
      writeFileSync(bundlePath, (await t.anonymous.get(`/api/v1/evidence/entries/${entry.id}/bundle`)).body);
      const keys = (await t.anonymous.get('/api/v1/evidence/keys')).json();
      const certPath = path.join(dir, 'tsa.pem');
      writeFileSync(certPath, keys.tsaCertificate);
      const cli = (args: string[]) =>
        spawnSync(
          process.execPath,
          ['--import', 'tsx', 'src/cli/index.ts', 'evidence', 'verify', bundlePath, '--key', keys.verifierKey, ...args],
          {
            encoding: 'utf8',
          },
        );
      const ok = cli(['--file', file, '--tsa-cert', certPath]);
      expect(ok.status, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toContain('验证通过');
      expect(ok.stdout).toMatch(/✔ 可信时间戳/);
      writeFileSync(file, '被篡改的配方');
      const tampered = cli(['--file', file]);
      expect(tampered.status).toBe(1);
      expect(tampered.stdout).toMatch(/✘ 文件摘要一致/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('verifies on the public endpoint by certificate number and a locally computed digest', async () => {
    const digest = digestOf('样品检测报告');
    const entry = (
      await firm.post('/api/v1/evidence/entries', { algorithm: 'sha256', digest, label: '样品检测报告' })
    ).json();
    await firm.post('/api/v1/evidence/entries', { algorithm: 'sha256', digest: digestOf('之后的存证'), label: '之后' });
    const res = await t.anonymous.post('/api/v1/evidence/verify', {
      certificateNo: entry.certificateNo,
      algorithm: 'sha256',
      digest,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(true);
    for (const name of ['signature', 'inclusion', 'digest', 'entry', 'consistency', 'timestamp']) {
      expect(body.checks[name].status, name).toBe('pass');
    }
    const wrong = (
      await t.anonymous.post('/api/v1/evidence/verify', {
        certificateNo: entry.certificateNo,
        algorithm: 'sha256',
        digest: digestOf('x'),
      })
    ).json();
    expect(wrong.ok).toBe(false);
    expect(wrong.checks.digest.status).toBe('fail');
    const garbage = (await t.anonymous.post('/api/v1/evidence/verify', { bundle: 'not a bundle' })).json();
    expect(garbage.ok).toBe(false);
    expect(garbage.checks.format.status).toBe('fail');
  });

  it('refuses forged time stamps on the public endpoint and in the CLI, with a Chinese reason', async () => {
    const digest = digestOf('时间戳伪造测试');
    const entry = (await firm.post('/api/v1/evidence/entries', { algorithm: 'sha256', digest, label: '伪造' })).json();
    const later = (
      await firm.post('/api/v1/evidence/entries', { algorithm: 'sha256', digest: digestOf('另一检查点'), label: '另' })
    ).json();
    const bundle = (await t.anonymous.get(`/api/v1/evidence/entries/${entry.id}/bundle`)).body;
    const laterBundle = (await t.anonymous.get(`/api/v1/evidence/entries/${later.id}/bundle`)).body;
    expect(parseTlogProof(laterBundle).checkpoint).not.toBe(parseTlogProof(bundle).checkpoint);
    const withToken = (token: Uint8Array | undefined) => {
      const proof = parseTlogProof(bundle);
      const { tsaToken: _dropped, ...extra } = parseEvidenceExtra(proof.extra!);
      return formatTlogProof({ ...proof, extra: encodeEvidenceExtra(token ? { ...extra, tsaToken: token } : extra) });
    };
    // The platform TSA's own key, to forge a token whose ESS attribute names another certificate.
    const pem = readFileSync(path.join(t.config.evidenceKeyDir, 'tsa-identity.pem'), 'utf8');
    const certificatePem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)![0];
    const platform = await loadTsaIdentity({ privateKeyPem: pem.replace(certificatePem, ''), certificatePem });
    const stranger = await loadTsaIdentity(await generateTsaIdentity());
    const checkpointDigest = sha256(utf8(parseTlogProof(bundle).checkpoint));
    const forge = (identity: TsaIdentity, essCertificateDer?: Uint8Array) =>
      createTimestampToken(
        identity,
        { hashAlgorithm: 'sha256', digest: checkpointDigest },
        { serialNumber: 99, ...(essCertificateDer ? { essCertificateDer } : {}) },
      );
    const forged = {
      stripped: [withToken(undefined), '没有时间戳令牌'],
      anotherTsa: [withToken(await forge(stranger)), '不是由平台公布的时间戳服务签发'],
      wrongEss: [
        withToken(await forge(platform, stranger.certificateDer)),
        'ESS 签名证书属性中的证书摘要与签名证书不符',
      ],
      otherCheckpoint: [
        withToken(parseEvidenceExtra(parseTlogProof(laterBundle).extra!).tsaToken),
        '时间戳所盖的摘要与检查点不符',
      ],
    } as const;
    const keys = (await t.anonymous.get('/api/v1/evidence/keys')).json();
    const dir = mkdtempSync(path.join(tmpdir(), 'shangmi-forged-'));
    try {
      for (const [name, [text, reason]] of Object.entries(forged)) {
        const body = (
          await t.anonymous.post('/api/v1/evidence/verify', { bundle: text, algorithm: 'sha256', digest })
        ).json();
        expect(body.ok, name).toBe(false);
        expect(body.checks.timestamp.status, name).toBe('fail');
        expect(body.checks.timestamp.detail, name).toContain(reason);
        expect(body.timestampTime, name).toBeNull();
        const bundlePath = path.join(dir, `${name}.tlog-proof`);
        writeFileSync(bundlePath, text);
        const cli = await verifyEvidenceFile({ bundlePath, verifierKey: keys.verifierKey });
        expect(cli.ok, name).toBe(false);
        expect(cli.lines.join('\n'), name).toContain(`✘ 可信时间戳: `);
        expect(cli.lines.join('\n'), name).toContain(reason);
      }
      const genuinePath = path.join(dir, 'genuine.tlog-proof');
      writeFileSync(genuinePath, bundle);
      expect((await verifyEvidenceFile({ bundlePath: genuinePath, verifierKey: keys.verifierKey })).ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the database refuses to rewrite the log', async () => {
    const db = t.database.db;
    await expect(db.execute(sql`update evidence_hashes set hash = '\\x00'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from evidence_checkpoints`)).rejects.toThrow();
    await expect(db.execute(sql`update evidence_submissions set label = 'x'`)).rejects.toThrow();
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('two app instances appending at once on one PostgreSQL', () => {
  it('produce one consistent log', async () => {
    const second = await buildTestApp({ sameDatabaseAs: t });
    try {
      const firmOnSecond = await second.login('applicant2');
      const before = (await t.anonymous.get('/api/v1/evidence/keys')).json();
      expect((await second.anonymous.get('/api/v1/evidence/keys')).json().verifierKey).toBe(before.verifierKey);
      const submissions = Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? firm : firmOnSecond).post('/api/v1/evidence/entries', {
          algorithm: 'sha256',
          digest: digestOf(`并发存证 ${i}`),
          label: `并发存证 ${i}`,
        }),
      );
      const results = await Promise.all(submissions);
      expect(results.map((r) => r.statusCode)).toEqual(Array(40).fill(200));
      const indexes = results.map((r) => r.json().leafIndex as number);
      expect(new Set(indexes).size).toBe(40);
      // Every checkpoint the two instances signed extends the one before it.
      const rows = (await t.database.db.execute(
        sql`select tree_size, signed_note from evidence_checkpoints order by tree_size`,
      )) as unknown as {
        rows: { tree_size: string; signed_note: string }[];
      };
      const verifier = parseVerifierKey(before.verifierKey);
      const checkpoints = rows.rows.map((r) => openCheckpoint(r.signed_note, verifier).checkpoint);
      for (let i = 1; i < checkpoints.length; i++) {
        const [a, b] = [checkpoints[i - 1]!, checkpoints[i]!];
        const cons = (await t.anonymous.get(`/api/v1/evidence/proofs/consistency?from=${a.size}&to=${b.size}`)).json();
        expect(verifyConsistency(a.size, b.size, cons.hashes.map(b64), a.rootHash, b.rootHash)).toBe(true);
      }
      const leaves = (await t.database.db.execute(
        sql`select count(*)::int as n, max(leaf_index)::int as m from evidence_leaves`,
      )) as unknown as {
        rows: { n: number; m: number }[];
      };
      expect(leaves.rows[0]!.m + 1).toBe(leaves.rows[0]!.n);
    } finally {
      await second.close();
    }
  });
});
