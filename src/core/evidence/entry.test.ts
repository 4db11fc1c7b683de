import { describe, expect, it } from 'vitest';
import { decodeUtf8, toBase64, toHex } from './encoding';
import {
  buildEntry,
  canonicalJson,
  ENTRY_HEADER,
  EntryError,
  encodeEntry,
  entryCommitsTo,
  type JsonObject,
  type JsonValue,
  metadataCommitment,
  newSalt,
  normalizeDigest,
  parseDigestAlgorithm,
  parseEntry,
} from './entry';

const SALT = new Uint8Array(32).fill(1);
const META: JsonObject = {
  unitName: '示例科技有限公司',
  creditCode: '91110108551385082Q',
  label: '配方 v2',
  submittedAt: '2025-01-02T03:04:05.000Z',
  n: [1, 2.5, true, null],
};
const DIGEST = 'a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447'; // SHA-256("hello world\n")

describe('leaf entry (known answer, computed independently with Python hashlib/json)', () => {
  it('builds the exact entry bytes and leaf hash', () => {
    const built = buildEntry({ algorithm: 'SHA-256', digest: DIGEST.toUpperCase(), salt: SALT, metadata: META });
    expect(decodeUtf8(built.entry)).toBe(
      `${ENTRY_HEADER}\nsha256\n${DIGEST}\naU4MrVqzOp/MTYg0eysTCYwRmqQW8+XpqLjuOA4kKSk=\n`,
    );
    expect(toHex(built.leafHash)).toBe('9f5322a0ac44527ba1956a13c92f6e5723f181430d21d8d5cc42e4d5e5b8f8e1');
    expect(built.algorithm).toBe('sha256');
    expect(built.digest).toBe(DIGEST);
  });

  it('commits to canonical JSON, so key order does not matter but every value does', () => {
    const c = metadataCommitment(SALT, META);
    expect(toBase64(c)).toBe('aU4MrVqzOp/MTYg0eysTCYwRmqQW8+XpqLjuOA4kKSk=');
    const reordered: JsonObject = Object.fromEntries(Object.entries(META).reverse());
    expect(toHex(metadataCommitment(SALT, reordered))).toBe(toHex(c));
    expect(toHex(metadataCommitment(SALT, { ...META, label: '配方 v3' }))).not.toBe(toHex(c));
    expect(toHex(metadataCommitment(new Uint8Array(32).fill(2), META))).not.toBe(toHex(c));
    const entry = parseEntry(buildEntry({ algorithm: 'sha256', digest: DIGEST, salt: SALT, metadata: META }).entry);
    expect(entryCommitsTo(entry, SALT, reordered)).toBe(true);
    expect(entryCommitsTo(entry, SALT, { ...META, creditCode: '914403001922038216' })).toBe(false);
    expect(entryCommitsTo(entry, new Uint8Array(32), META)).toBe(false);
    expect(entryCommitsTo(entry, new Uint8Array(16), META)).toBe(false);
  });

  it('names no firm and no file on the log', () => {
    const text = decodeUtf8(
      buildEntry({ algorithm: 'sm3', digest: DIGEST, salt: SALT, metadata: META }).entry,
    ) as string;
    for (const v of ['示例', '91110108551385082Q', '配方', '2025']) expect(text).not.toContain(v);
  });
});

describe('entry encoding', () => {
  const entry = { algorithm: 'sm3' as const, digest: DIGEST, commitment: new Uint8Array(32).fill(3) };

  it('round-trips', () => {
    expect(parseEntry(encodeEntry(entry))).toEqual(entry);
    expect(parseEntry(decodeUtf8(encodeEntry(entry)) as string)).toEqual(entry);
  });

  it('accepts only the canonical encoding', () => {
    const good = decodeUtf8(encodeEntry(entry)) as string;
    const bad = [
      good.slice(0, -1), // no final newline
      `${good}\n`,
      `${good}extra\n`,
      good.replace(ENTRY_HEADER, 'shangmi-evidence/v2'),
      good.replace('sm3', 'SM3'),
      good.replace('sm3', 'md5'),
      good.replace('sm3', 'constructor'),
      good.replace(DIGEST, DIGEST.toUpperCase()),
      good.replace(DIGEST, DIGEST.slice(2)),
      good.replace(DIGEST, `${DIGEST}00`),
      good.replace(toBase64(entry.commitment), toBase64(new Uint8Array(31))),
      good.replace(toBase64(entry.commitment), toBase64(entry.commitment).replace('=', '')),
      good.replaceAll('\n', '\r\n'),
    ];
    for (const b of bad) expect(() => parseEntry(b), JSON.stringify(b)).toThrow(EntryError);
    expect(() => parseEntry(new Uint8Array([0xff, 0xfe]))).toThrow(EntryError);
  });

  it('refuses to encode invalid fields', () => {
    expect(() => encodeEntry({ ...entry, digest: 'xyz' })).toThrow(EntryError);
    expect(() => encodeEntry({ ...entry, commitment: new Uint8Array(31) })).toThrow(EntryError);
    expect(() => buildEntry({ algorithm: 'md5', digest: DIGEST, salt: SALT, metadata: META })).toThrow(EntryError);
    expect(() => buildEntry({ algorithm: 'sha256', digest: DIGEST, salt: new Uint8Array(31), metadata: META })).toThrow(
      EntryError,
    );
    expect(() =>
      buildEntry({ algorithm: 'sha256', digest: DIGEST, salt: SALT, metadata: [] as unknown as JsonObject }),
    ).toThrow(EntryError);
  });

  it('normalizes algorithm names and digests', () => {
    expect(parseDigestAlgorithm('SHA-256')).toBe('sha256');
    expect(parseDigestAlgorithm('sha_256')).toBe('sha256');
    expect(parseDigestAlgorithm(' SM3 ')).toBe('sm3');
    expect(parseDigestAlgorithm('sha1')).toBeNull();
    expect(normalizeDigest('sm3', DIGEST.toUpperCase())).toBe(DIGEST);
    expect(() => normalizeDigest('sm3', `${DIGEST}0`)).toThrow(EntryError);
  });

  it('makes fresh 32-byte salts', () => {
    const a = newSalt();
    const b = newSalt();
    expect(a.length).toBe(32);
    expect(toHex(a)).not.toBe(toHex(b));
  });
});

describe('canonical JSON (RFC 8785 for the values used here)', () => {
  it('sorts keys by UTF-16 code units, recursively, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    // U+20AC (€) sorts before U+1F600 (😀, surrogates D83D…) in UTF-16 order, though after it in code points.
    expect(canonicalJson({ '\u{1F600}': 1, '\u20ac': 2, '\r': 3, '1': 4 })).toBe('{"\\r":3,"1":4,"€":2,"😀":1}');
  });

  it('serializes numbers and strings the ECMAScript way', () => {
    const cases: [JsonValue, string][] = [
      [1.0, '1'],
      [-0, '0'],
      [0.1, '0.1'],
      [1e21, '1e+21'],
      [1e-7, '1e-7'],
      [333333333.3333333, '333333333.3333333'],
      [4.5, '4.5'],
      ['\u0001\n"\\/\u2028é', '"\\u0001\\n\\"\\\\/\u2028é"'],
      [true, 'true'],
      [[], '[]'],
      [{}, '{}'],
    ];
    for (const [v, want] of cases) expect(canonicalJson(v)).toBe(want);
  });

  it('rejects values JSON cannot carry', () => {
    const bad: unknown[] = [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      { a: undefined },
      new Date(0),
      new Map(),
      10n,
      () => 1,
      '\ud800',
      { '\udc00': 1 },
    ];
    for (const v of bad) expect(() => canonicalJson(v as JsonValue)).toThrow(EntryError);
    let deep: JsonValue = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(EntryError);
  });
});
