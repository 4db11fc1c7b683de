import { describe, expect, it } from 'vitest';
import { type Checkpoint, signCheckpoint } from './checkpoint';
import { decodeUtf8, fromBase64, toBase64, utf8 } from './encoding';
import { type BuiltEntry, buildEntry, type JsonObject } from './entry';
import { hashLeaf, MemoryHashStore } from './merkle';
import { createNoteSigner, verifierKeyOf } from './note';
import {
  BundleError,
  buildEvidenceBundle,
  type EvidenceExtra,
  encodeEvidenceExtra,
  formatTlogProof,
  parseEvidenceExtra,
  parseTlogProof,
  TLOG_PROOF_HEADER,
  verifyBundle,
  verifyEvidenceBundle,
} from './proof-bundle';

// The example from the C2SP tlog-proof spec (its signatures are elided with "[...]", so only the format is checked).
const SPEC_EXAMPLE = `c2sp.org/tlog-proof@v1
extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
index 73894
gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

example.com/fancylog
109482
sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

— example.com/fancylog hI2DJw[...]1roloI=
— witness1.example mJirIklj[...]qY9v2B/5bg==
`;

describe('tlog-proof format', () => {
  it('parses the spec example', () => {
    const p = parseTlogProof(SPEC_EXAMPLE);
    // (The example's extra data is an artifact name followed by arbitrary bytes.)
    expect(decodeUtf8((p.extra as Uint8Array).subarray(0, 30))).toBe('age-v1.2.1-darwin-arm64.tar.gz');
    expect(p.index).toBe(73894);
    expect(p.inclusionProof.map(toBase64)).toEqual(SPEC_EXAMPLE.split('\n').slice(3, 8));
    expect(p.checkpoint.startsWith('example.com/fancylog\n109482\n')).toBe(true);
    expect(formatTlogProof(p)).toBe(SPEC_EXAMPLE);
  });

  it('round-trips with and without extra data and with an empty proof', () => {
    const checkpoint = 'log\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n— log AAAAAAAA\n';
    const p = { index: 0, inclusionProof: [], checkpoint };
    const text = formatTlogProof(p);
    expect(text).toBe(`${TLOG_PROOF_HEADER}\nindex 0\n\n${checkpoint}`);
    expect(parseTlogProof(text)).toEqual(p);
    const withExtra = { ...p, extra: utf8('hi') };
    expect(formatTlogProof(withExtra)).toBe(`${TLOG_PROOF_HEADER}\nextra aGk=\nindex 0\n\n${checkpoint}`);
    expect(parseTlogProof(formatTlogProof(withExtra))).toEqual(withExtra);
    expect(parseTlogProof(utf8(text))).toEqual(p);
  });

  it('rejects malformed proofs', () => {
    const good = SPEC_EXAMPLE;
    const bad = [
      '',
      good.replace(TLOG_PROOF_HEADER, 'c2sp.org/tlog-proof@v2'),
      good.replace('index 73894', 'index 073894'),
      good.replace('index 73894', 'index -1'),
      good.replace('index 73894', 'index  73894'),
      good.replace('index 73894', 'idx 73894'),
      good.replace('extra YWdl', 'extra !Wdl'),
      good.replace('gSKyXoYZ', 'gSKy'),
      good.replace('AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=', 'AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk'),
      good.split('\n').slice(0, 8).join('\n'), // no blank line, no checkpoint
      `${good.split('\n').slice(0, 9).join('\n')}\n`, // blank line but no checkpoint
      good.replaceAll('\n', '\r\n'),
      good.replace('index 73894\n', `index 73894\n${'gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=\n'.repeat(65)}`),
    ];
    for (const b of bad) expect(() => parseTlogProof(b), JSON.stringify(b.slice(0, 80))).toThrow(BundleError);
    expect(() => parseTlogProof(new Uint8Array([0xc3]))).toThrow(BundleError);
  });

  it('refuses to format invalid proofs', () => {
    const checkpoint = 'log\n1\nAAAA\n\n— log AAAA\n';
    expect(() => formatTlogProof({ index: -1, inclusionProof: [], checkpoint })).toThrow(BundleError);
    expect(() => formatTlogProof({ index: 0, inclusionProof: [new Uint8Array(31)], checkpoint })).toThrow(BundleError);
    expect(() => formatTlogProof({ index: 0, inclusionProof: [], checkpoint: 'no newline' })).toThrow(BundleError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// An end-to-end log: 20 submissions, checkpoints at 8 and 20.

const ORIGIN = 'shangmi.example/evidence';
const signer = createNoteSigner(ORIGIN, new Uint8Array(32).fill(5));
const VKEY = verifierKeyOf(signer);
const otherSigner = createNoteSigner(ORIGIN, new Uint8Array(32).fill(6));

const hexDigest = (i: number): string => toHex32(i);
function toHex32(i: number): string {
  return i.toString(16).padStart(2, '0').repeat(32);
}

interface Sub {
  extra: EvidenceExtra;
  built: BuiltEntry;
}
const subs: Sub[] = [];
const store = new MemoryHashStore();
for (let i = 0; i < 20; i++) {
  const metadata: JsonObject = { unitName: `单位${i}`, creditCode: '91110108551385082Q', label: `文件${i}`, i };
  const salt = new Uint8Array(32).fill(100 + i);
  const algorithm = i % 2 === 0 ? 'sha256' : 'sm3';
  const built = buildEntry({ algorithm, digest: hexDigest(i), salt, metadata });
  store.append(built.entry);
  subs.push({ built, extra: { algorithm, digest: built.digest, salt, metadata } });
}
const cp = (size: number): Checkpoint => ({ origin: ORIGIN, size, rootHash: store.rootHash(size) });
const note8 = signCheckpoint(cp(8), signer, null);
const note20 = signCheckpoint(cp(20), signer, { checkpoint: cp(8), consistencyProof: store.consistencyProof(8, 20) });

function bundleFor(i: number, size: number, note: string, extra: EvidenceExtra = (subs[i] as Sub).extra): string {
  return buildEvidenceBundle({
    index: i,
    inclusionProof: store.inclusionProof(i, size),
    checkpoint: note,
    evidence: extra,
  });
}

const statuses = (checks: object): Record<string, string> =>
  Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, (v as { status: string }).status]));

describe('verifyBundle / verifyEvidenceBundle', () => {
  it('accepts a genuine bundle, every check reported', () => {
    const b = bundleFor(3, 8, note8);
    const sub = subs[3] as Sub;
    const v = verifyEvidenceBundle(b, { algorithm: 'SM3', digest: sub.extra.digest.toUpperCase() }, VKEY);
    expect(statuses(v.checks)).toEqual({
      format: 'pass',
      key: 'pass',
      signature: 'pass',
      origin: 'pass',
      inclusion: 'pass',
      consistency: 'skipped',
      extra: 'pass',
      digest: 'pass',
      entry: 'pass',
    });
    expect(v.ok).toBe(true);
    expect(v.checkpoint?.size).toBe(8);
    expect(v.evidence?.metadata).toEqual(sub.extra.metadata);
    expect(v.entry?.leafHash).toEqual(sub.built.leafHash);

    // The generic verifier with the entry or the leaf hash.
    expect(verifyBundle(b, { entry: sub.built.entry }, VKEY).ok).toBe(true);
    expect(verifyBundle(b, { entry: decodeUtf8(sub.built.entry) as string }, VKEY).ok).toBe(true);
    expect(verifyBundle(b, { leafHash: sub.built.leafHash }, VKEY).ok).toBe(true);
    // Without a file digest, the digest check is skipped but the bundle still verifies.
    const noDigest = verifyEvidenceBundle(b, null, VKEY);
    expect(noDigest.ok).toBe(true);
    expect(noDigest.checks.digest.status).toBe('skipped');
  });

  it('explains every check in Chinese, with its figures (the public page and the CLI show them as they are)', () => {
    const b = bundleFor(0, 8, note8);
    const sub = subs[0] as Sub;
    const ok = verifyEvidenceBundle(b, { algorithm: sub.extra.algorithm, digest: sub.extra.digest }, VKEY);
    expect(ok.checks.format.detail).toBe('日志序号 0，树大小 8');
    expect(ok.checks.inclusion.detail).toBe('第 0 号记录包含在大小为 8 的日志树中');
    expect(ok.checks.digest.detail).toMatch(/^文件的 (SM3|SHA-256) 摘要与存证一致$/);
    expect(ok.checks.signature.detail).toMatch(/^由日志公钥 \S+ 签名$/);
    const wrong = verifyEvidenceBundle(b, { algorithm: 'sha256', digest: hexDigest(99) }, VKEY);
    const unreadable = verifyEvidenceBundle('not a bundle', null, 'not a key');
    for (const v of [ok, wrong, unreadable, verifyEvidenceBundle(b, null, VKEY)]) {
      for (const [name, check] of Object.entries(v.checks)) {
        // No English sentence: words of Latin letters only as names (key, origin, algorithm), never three in a row.
        expect(check.detail, name).toMatch(/\p{Script=Han}/u);
        expect(check.detail, name).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
      }
    }
  });

  it('verifies every entry against both checkpoints, and consistency with the latest', () => {
    for (let i = 0; i < 20; i++) {
      const sub = subs[i] as Sub;
      const v20 = verifyEvidenceBundle(bundleFor(i, 20, note20), sub.extra, VKEY);
      expect(v20.ok, `entry ${i} at 20`).toBe(true);
      if (i < 8) {
        const v8 = verifyEvidenceBundle(bundleFor(i, 8, note8), sub.extra, VKEY, {
          latest: { checkpoint: note20, consistencyProof: store.consistencyProof(8, 20) },
        });
        expect(v8.ok, `entry ${i} at 8`).toBe(true);
        expect(v8.checks.consistency.status).toBe('pass');
        expect(v8.latestCheckpoint?.size).toBe(20);
      }
    }
  });

  it('rejects a tampered inclusion proof, index, root or size', () => {
    const sub = subs[5] as Sub;
    const p = parseTlogProof(bundleFor(5, 20, note20));
    const leaf = { leafHash: sub.built.leafHash };
    p.inclusionProof.forEach((_, k) => {
      const tampered = { ...p, inclusionProof: p.inclusionProof.map((h, j) => (j === k ? hashLeaf(h) : h)) };
      const v = verifyBundle(formatTlogProof(tampered), leaf, VKEY);
      expect(v.ok).toBe(false);
      expect(statuses(v.checks)).toMatchObject({ signature: 'pass', inclusion: 'fail' });
    });
    for (const index of [4, 6, 19, 20, 1000]) {
      const v = verifyBundle(formatTlogProof({ ...p, index }), leaf, VKEY);
      expect(v.checks.inclusion.status).toBe('fail');
      expect(v.ok).toBe(false);
    }
    expect(verifyBundle(formatTlogProof({ ...p, inclusionProof: p.inclusionProof.slice(1) }), leaf, VKEY).ok).toBe(
      false,
    );
    // Checkpoint text edited: size or root changed → the signature no longer verifies.
    const root20 = toBase64(store.rootHash(20));
    for (const edited of [
      p.checkpoint.replace('\n20\n', '\n21\n'),
      p.checkpoint.replace(root20, toBase64(store.rootHash(19))),
    ]) {
      const v = verifyBundle(formatTlogProof({ ...p, checkpoint: edited }), leaf, VKEY);
      expect(v.checks.signature.status).toBe('fail');
      expect(v.ok).toBe(false);
    }
  });

  it('rejects a wrong leaf, wrong digest, and tampered evidence data', () => {
    const b = bundleFor(2, 20, note20);
    const sub = subs[2] as Sub;
    expect(verifyBundle(b, { entry: (subs[3] as Sub).built.entry }, VKEY).checks.inclusion.status).toBe('fail');
    expect(verifyBundle(b, { leafHash: new Uint8Array(31) }, VKEY).checks.inclusion.status).toBe('fail');

    const wrongFile = verifyEvidenceBundle(b, { algorithm: 'sha256', digest: hexDigest(99) }, VKEY);
    expect(statuses(wrongFile.checks)).toMatchObject({ digest: 'fail', inclusion: 'pass', signature: 'pass' });
    expect(wrongFile.ok).toBe(false);
    const wrongAlg = verifyEvidenceBundle(b, { algorithm: 'sm3', digest: sub.extra.digest }, VKEY);
    expect(wrongAlg.checks.digest.status).toBe('fail');
    expect(verifyEvidenceBundle(b, { algorithm: 'sha256', digest: 'zz' }, VKEY).checks.digest.status).toBe('fail');

    // Changing the metadata, salt or digest in the extra data changes the rebuilt entry: inclusion fails.
    const tamperedExtras: EvidenceExtra[] = [
      { ...sub.extra, metadata: { ...sub.extra.metadata, unitName: '别的单位' } },
      { ...sub.extra, salt: new Uint8Array(32) },
      { ...sub.extra, digest: hexDigest(77) },
      { ...sub.extra, algorithm: 'sm3' },
    ];
    for (const extra of tamperedExtras) {
      const v = verifyEvidenceBundle(bundleFor(2, 20, note20, extra), null, VKEY);
      expect(statuses(v.checks)).toMatchObject({ extra: 'pass', entry: 'pass', inclusion: 'fail', signature: 'pass' });
      expect(v.ok).toBe(false);
    }

    // No extra, or unreadable extra.
    const p = parseTlogProof(b);
    const { extra: _drop, ...noExtra } = p;
    const v1 = verifyEvidenceBundle(formatTlogProof(noExtra), null, VKEY);
    expect(statuses(v1.checks)).toMatchObject({ extra: 'fail', inclusion: 'fail', signature: 'pass' });
    const v2 = verifyEvidenceBundle(formatTlogProof({ ...p, extra: utf8('{"v":2}') }), null, VKEY);
    expect(v2.checks.extra.status).toBe('fail');
    expect(v2.ok).toBe(false);
  });

  it('rejects a bad signature, an unknown key, a malformed key and a wrong origin', () => {
    const b = bundleFor(1, 20, note20);
    const sub = subs[1] as Sub;
    const p = parseTlogProof(b);
    const sigLine = p.checkpoint.split('\n').at(-2) as string;
    const raw = fromBase64(sigLine.split(' ')[2] as string) as Uint8Array;
    raw[40] = (raw[40] as number) ^ 0x80;
    const badSig = formatTlogProof({ ...p, checkpoint: p.checkpoint.replace(sigLine, `— ${ORIGIN} ${toBase64(raw)}`) });
    const v1 = verifyEvidenceBundle(badSig, sub.extra, VKEY);
    expect(statuses(v1.checks)).toMatchObject({ signature: 'fail', inclusion: 'pass', digest: 'pass' });
    expect(v1.ok).toBe(false);

    const v2 = verifyEvidenceBundle(b, sub.extra, verifierKeyOf(otherSigner));
    expect(v2.checks.signature.status).toBe('fail');
    expect(v2.checks.signature.detail).toMatch(/^没有日志公钥 .+ 的签名$/);
    expect(v2.ok).toBe(false);

    const v3 = verifyEvidenceBundle(b, sub.extra, `${VKEY.slice(0, -2)}AA`);
    expect(statuses(v3.checks)).toMatchObject({ key: 'fail', signature: 'skipped', inclusion: 'pass' });
    expect(v3.ok).toBe(false);

    const v4 = verifyEvidenceBundle(b, sub.extra, VKEY, { origin: 'other.example/log' });
    expect(v4.checks.origin.status).toBe('fail');
    expect(v4.ok).toBe(false);

    // A checkpoint properly signed by another key for the same origin (a forged log) is not accepted.
    const forged = signCheckpoint(cp(20), otherSigner, null);
    const v5 = verifyEvidenceBundle(formatTlogProof({ ...p, checkpoint: forged }), sub.extra, VKEY);
    expect(v5.checks.signature.status).toBe('fail');
  });

  it('reports an unreadable bundle as a format failure without throwing', () => {
    const v = verifyEvidenceBundle('not a proof', null, VKEY);
    expect(v.ok).toBe(false);
    expect(v.checks.format.status).toBe('fail');
    expect(v.checks.key.status).toBe('pass');
    const g = verifyBundle(
      'c2sp.org/tlog-proof@v1\nindex 0\n\nbroken checkpoint\n',
      { leafHash: new Uint8Array(32) },
      VKEY,
    );
    expect(g.checks.format.status).toBe('fail');
    expect(g.ok).toBe(false);
  });

  it('checks consistency with a later checkpoint', () => {
    const sub = subs[4] as Sub;
    const b = bundleFor(4, 8, note8);
    const proof = store.consistencyProof(8, 20);
    const run = (latest: { checkpoint: string; consistencyProof: Uint8Array[] }) =>
      verifyEvidenceBundle(b, sub.extra, VKEY, { latest });
    expect(run({ checkpoint: note20, consistencyProof: proof }).checks.consistency.status).toBe('pass');
    expect(run({ checkpoint: note8, consistencyProof: [] }).checks.consistency.status).toBe('pass');

    const bad = [
      { checkpoint: note20, consistencyProof: proof.slice(1) },
      { checkpoint: note20, consistencyProof: proof.map((h, k) => (k === 0 ? hashLeaf(h) : h)) },
      { checkpoint: note20, consistencyProof: [] },
      { checkpoint: signCheckpoint(cp(20), otherSigner, null), consistencyProof: proof }, // not our key
      { checkpoint: 'garbage', consistencyProof: proof },
    ];
    for (const latest of bad) {
      const v = run(latest);
      expect(v.checks.consistency.status).toBe('fail');
      expect(v.ok).toBe(false);
    }

    // A forked log: the same first 8 entries, then different ones, signed with the real key (the log misbehaving).
    const fork = new MemoryHashStore();
    for (let i = 0; i < 8; i++) fork.append((subs[i] as Sub).built.entry);
    for (let i = 0; i < 12; i++) fork.append(utf8(`forged ${i}`));
    const forkCp = { origin: ORIGIN, size: 20, rootHash: fork.rootHash() };
    const forkNote = signCheckpoint(forkCp, signer, null);
    // Consistent with size 8 (the fork shares that prefix) …
    expect(
      run({ checkpoint: forkNote, consistencyProof: fork.consistencyProof(8, 20) }).checks.consistency.status,
    ).toBe('pass');
    // … but a bundle at size 12 of the real log is not consistent with the fork.
    const b12 = bundleFor(4, 12, signCheckpoint(cp(12), signer, null));
    const v = verifyEvidenceBundle(b12, sub.extra, VKEY, {
      latest: { checkpoint: forkNote, consistencyProof: fork.consistencyProof(12, 20) },
    });
    expect(v.checks.consistency.status).toBe('fail');
    // A later checkpoint that is smaller.
    const vSmaller = verifyEvidenceBundle(bundleFor(4, 20, note20), sub.extra, VKEY, {
      latest: { checkpoint: note8, consistencyProof: [] },
    });
    expect(vSmaller.checks.consistency.status).toBe('fail');
  });
});

describe('evidence extra data', () => {
  const sub0 = () => subs[0] as Sub;

  it('round-trips, including an optional TSA token', () => {
    const x: EvidenceExtra = { ...sub0().extra, tsaToken: Uint8Array.of(0x30, 0x82, 1, 2) };
    expect(parseEvidenceExtra(encodeEvidenceExtra(x))).toEqual(x);
    expect(parseEvidenceExtra(encodeEvidenceExtra(sub0().extra))).toEqual(sub0().extra);
  });

  it('is canonical JSON', () => {
    const text = decodeUtf8(encodeEvidenceExtra(sub0().extra)) as string;
    expect(text.startsWith('{"algorithm":"sha256","digest":"')).toBe(true);
    expect(text.endsWith(',"v":1}')).toBe(true);
  });

  it('rejects malformed extra data', () => {
    const good = JSON.parse(decodeUtf8(encodeEvidenceExtra(sub0().extra)) as string) as Record<string, unknown>;
    const bad: unknown[] = [
      { ...good, v: 2 },
      { ...good, algorithm: 'SHA-256' },
      { ...good, algorithm: 'md5' },
      { ...good, digest: 'abc' },
      { ...good, digest: 5 },
      { ...good, salt: toBase64(new Uint8Array(31)) },
      { ...good, salt: 'not base64!' },
      { ...good, metadata: [] },
      { ...good, metadata: 'x' },
      { ...good, tsaToken: 'not base64!' },
      [],
      'x',
    ];
    for (const b of bad) expect(() => parseEvidenceExtra(utf8(JSON.stringify(b)))).toThrow(BundleError);
    expect(() => parseEvidenceExtra(utf8('{'))).toThrow(BundleError);
    expect(() => parseEvidenceExtra(new Uint8Array([0xff]))).toThrow(BundleError);
  });
});
