import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './encoding';
import {
  appendLeafHashes,
  appendLeafHashesAsync,
  checkRecord,
  checkTree,
  consistencyProofIndexes,
  emptyRoot,
  encodeEntryBundle,
  entryBundlePath,
  type Hash,
  HashReaderError,
  hashChildren,
  hashFromTile,
  hashLeaf,
  inclusionProofIndexes,
  MemoryHashStore,
  newTiles,
  parseEntryBundle,
  parseTilePath,
  proveRecord,
  proveRecordAsync,
  proveTree,
  proveTreeAsync,
  readTileData,
  rootFromInclusionProof,
  rootFromLeafHashes,
  splitStoredHashIndex,
  storedHashCount,
  storedHashes,
  storedHashIndex,
  type Tile,
  tileForIndex,
  tilePath,
  treeHash,
  treeHashAsync,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

const hx = (s: string): Uint8Array => fromHex(s) as Uint8Array;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const sha = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

// ---------------------------------------------------------------------------------------------------------------
// Naive recursive RFC 6962 section 2.1 reference, written independently of merkle.ts (own hashing, no shared code).

function refLeaf(d: Uint8Array): Uint8Array {
  return sha(Uint8Array.of(0), d);
}
function refNode(l: Uint8Array, r: Uint8Array): Uint8Array {
  return sha(Uint8Array.of(1), l, r);
}
/** k: the largest power of two smaller than n (n > 1). */
function refSplit(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
/** MTH(D[n]) over leaf hashes. */
function MTH(lh: Uint8Array[]): Uint8Array {
  if (lh.length === 0) return sha();
  if (lh.length === 1) return lh[0] as Uint8Array;
  const k = refSplit(lh.length);
  return refNode(MTH(lh.slice(0, k)), MTH(lh.slice(k)));
}
/** PATH(m, D[n]) (RFC 6962 section 2.1.1). */
function PATH(m: number, lh: Uint8Array[]): Uint8Array[] {
  const n = lh.length;
  if (n <= 1) return [];
  const k = refSplit(n);
  if (m < k) return [...PATH(m, lh.slice(0, k)), MTH(lh.slice(k))];
  return [...PATH(m - k, lh.slice(k)), MTH(lh.slice(0, k))];
}
/** SUBPROOF(m, D[n], b) (RFC 6962 section 2.1.2). */
function SUBPROOF(m: number, lh: Uint8Array[], b: boolean): Uint8Array[] {
  const n = lh.length;
  if (m === n) return b ? [] : [MTH(lh)];
  const k = refSplit(n);
  if (m <= k) return [...SUBPROOF(m, lh.slice(0, k), b), MTH(lh.slice(k))];
  return [...SUBPROOF(m - k, lh.slice(k), false), MTH(lh.slice(0, k))];
}
/** PROOF(m, D[n]). */
function PROOF(m: number, lh: Uint8Array[]): Uint8Array[] {
  return SUBPROOF(m, lh, true);
}

const leafData = (i: number): Uint8Array => enc(`leaf ${i}`);

function buildStore(n: number): { store: MemoryHashStore; leafHashes: Uint8Array[] } {
  const store = new MemoryHashStore();
  const leafHashes: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    // The reference gets its leaf hashes from its own hashing; the store hashes the entry itself.
    leafHashes.push(refLeaf(leafData(i)));
    store.append(leafData(i));
  }
  return { store, leafHashes };
}

const hexList = (hs: Uint8Array[]): string[] => hs.map(toHex);
const chunk = (data: Uint8Array): Uint8Array[] =>
  Array.from({ length: data.length / 32 }, (_, i) => data.slice(i * 32, (i + 1) * 32));

function flip(h: Uint8Array, bit = 0): Uint8Array {
  const c = h.slice();
  c[bit >> 3] = (c[bit >> 3] as number) ^ (1 << (bit & 7));
  return c;
}

// ---------------------------------------------------------------------------------------------------------------
// Known answers

/** RFC 6962 test vectors (certificate-transparency C++ merkle_tree_test / transparency-dev/merkle testonly). */
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** Node hashes of the complete subtrees of the 8-leaf CT tree: [level][index]. */
const NH = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];
const nh = (level: number, i: number): string => (NH[level] as string[])[i] as string;

/** MTH of the first n leaves `leaf ${i}`, computed by an independent Python (hashlib) RFC 6962 implementation. */
const LEAF_I_ROOTS: [number, string][] = [
  [0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  [1, '1bb97dcc21635d47e2663efdfd0a174686d98dd701352dd2cd06e8b43fd3d305'],
  [2, 'fc5f6b88ff8554f75bb2f9e6f39c31b1936d44b69276edf7b1205a955b9761e3'],
  [3, 'd4f92c8fbb89720eb3b55677c7d7efaddfeb10d11a1a84a0ba8f1a23337faa95'],
  [4, '4f631084a157c54f54fcfb23ff5eb8650c4ba160c295bb13a9832b109d52677e'],
  [5, '341515982d650e23520dbd54d7fcf0afa1b70cc3a16a411d464dc9c1ac96c301'],
  [6, '8363c3821ce41ebb46222116a42cc83dba753984b23cfca26aaad0a6867336ea'],
  [7, '5a61fc2b54f9cfa71774f2432143dd40c6cb2b11947faf65a7d3da5cb65199c8'],
  [8, 'c5c2c820ed342fdda8ce896b6b9cf5b8c00a21cc4b20714cc6e5d3c05c35240b'],
  [9, '7447cadc6862b30dedcb28c4b329909366b3bd338f6a90fefadcc4b2a8a2b948'],
  [10, '72de1af6f1ad285b1ef0f969c99e3c00e3c32c37f3a3c260520991d263d25f7d'],
  [11, 'b6e6c01dc35ef32a06d5285c5d1f2ee61712ca7aaf53d108fd42c2bd1c141607'],
  [12, '957dd35fddd08d29c84481775165486896d474db39dc8129ce757b068ecb02eb'],
  [13, 'cf9b4c2a44a7caa722d5d548ee64ff90a119b0c31acac3444dc583000a39d3ca'],
  [14, '9b5e4e58a44fc39d37b36a2d15e561a1ea98641e1af24fe6fc7a7353eb5b2e97'],
  [15, '7d5cf38c0b8bd4bee3ce6173f6dcf9a841a83fe2aa3ae855a450b1fd8fef64f9'],
  [16, '714a29298ca7d8643975100569499c2309e83a6f2f970902dc46ef32ebc1b00f'],
  [17, '46ef1bca4c6480cd65e50e29cc1c375db36711cd50245ecd3e6b310c6e2a383f'],
  [32, '9a5b5a2a29571cad3d81555f34bf3256fda56279691cdec34f57c8f484acb3fa'],
  [64, 'f261e23692d978fdac3fd949db5495940a437ae671b9a6dde9aa6118d003652f'],
  [128, '639e65613c1f9df2e2dced0e5ccbf1455add72fac49e20213296a111e279d510'],
  [256, 'cf5effdb11d0927a2edf53b0e73c7837f659414e00537da5d90eb5c4c49ff274'],
  [512, 'd9579873166aa59bc8d37da864923bf63dacf0fff19ea2caba63b20cab82cd30'],
  [1024, '83fcf4718736e39b5fc22aa44f0978da25b27016840720628fc75e1e9a4ebc6a'],
  [4096, 'eaaabe77c3b973a9949215c31d6e575182023ff01afef35d25003a2505068d47'],
  [65536, 'e100ba54d69a91012fc13b7890feac78d6996a097268b6f735d17311c7402a60'],
];

describe('RFC 6962 hashing (known answers)', () => {
  it('empty tree root is SHA-256 of the empty string', () => {
    expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(rootFromLeafHashes([]))).toBe(toHex(emptyRoot()));
    expect(toHex(treeHash(0, new MemoryHashStore()))).toBe(toHex(emptyRoot()));
  });

  it('emptyRoot returns a copy', () => {
    const a = emptyRoot();
    a[0] = 0;
    expect(toHex(emptyRoot()).slice(0, 2)).toBe('e3');
  });

  it('leaf and node hashing use the 0x00/0x01 prefixes', () => {
    expect(toHex(hashLeaf(new Uint8Array(0)))).toBe(nh(0, 0));
    expect(toHex(hashLeaf(hx('00')))).toBe(nh(0, 1));
    expect(toHex(hashChildren(hx(nh(0, 0)), hx(nh(0, 1))))).toBe(nh(1, 0));
    expect(() => hashChildren(new Uint8Array(31), new Uint8Array(32))).toThrow(RangeError);
  });

  it('matches the CT test-vector roots for sizes 0..8 (leaf hashes, stored-hash store and batch append)', () => {
    const lh = CT_LEAVES.map((l) => hashLeaf(hx(l)));
    const store = new MemoryHashStore();
    lh.forEach((h) => {
      store.appendLeafHash(h);
    });
    for (let n = 0; n <= 8; n++) {
      expect(toHex(rootFromLeafHashes(lh.slice(0, n)))).toBe(CT_ROOTS[n]);
      expect(toHex(store.rootHash(n))).toBe(CT_ROOTS[n]);
      const batch = new MemoryHashStore();
      expect(toHex(batch.appendBatch(lh.slice(0, n)).rootHash)).toBe(CT_ROOTS[n]);
    }
  });

  it('matches the CT complete-subtree node hashes in stored-hash order', () => {
    const lh = CT_LEAVES.map((l) => hashLeaf(hx(l)));
    const store = new MemoryHashStore();
    for (const h of lh) store.appendLeafHash(h);
    NH.forEach((level, l) => {
      level.forEach((h, i) => {
        expect(toHex(store.readHashes([storedHashIndex(l, i)])[0] as Uint8Array)).toBe(h);
      });
    });
  });

  it('matches CT inclusion proof vectors', () => {
    const { store } = (() => {
      const s = new MemoryHashStore();
      for (const l of CT_LEAVES) s.append(hx(l));
      return { store: s };
    })();
    const cases: [number, number, string[]][] = [
      [0, 1, []],
      [0, 8, [nh(0, 1), nh(1, 1), nh(2, 1)]],
      [5, 8, [nh(0, 4), nh(1, 3), nh(2, 0)]],
      [2, 3, [nh(1, 0)]],
      [1, 5, [nh(0, 0), nh(1, 1), nh(0, 4)]],
    ];
    for (const [index, size, want] of cases) {
      expect(hexList(store.inclusionProof(index, size))).toEqual(want);
      expect(
        verifyInclusion(
          hashLeaf(hx(CT_LEAVES[index] as string)),
          index,
          size,
          want.map(hx),
          hx(CT_ROOTS[size] as string),
        ),
      ).toBe(true);
    }
  });

  it('matches CT consistency proof vectors', () => {
    const store = new MemoryHashStore();
    for (const l of CT_LEAVES) store.append(hx(l));
    const cases: [number, number, string[]][] = [
      [1, 1, []],
      [1, 8, [nh(0, 1), nh(1, 1), nh(2, 1)]],
      [6, 8, [nh(1, 2), nh(1, 3), nh(2, 0)]],
      [2, 5, [nh(1, 1), nh(0, 4)]],
      [4, 8, [nh(2, 1)]],
    ];
    for (const [m, n, want] of cases) {
      expect(hexList(store.consistencyProof(m, n))).toEqual(want);
      expect(verifyConsistency(m, n, want.map(hx), hx(CT_ROOTS[m] as string), hx(CT_ROOTS[n] as string))).toBe(true);
    }
  });

  it.each(LEAF_I_ROOTS)(
    'root of the first %i "leaf i" entries matches an independent implementation',
    (n, want) => {
      const { store, leafHashes } = buildStore(n);
      expect(toHex(store.rootHash())).toBe(want);
      expect(toHex(rootFromLeafHashes(leafHashes))).toBe(want);
      if (n <= 1024) expect(toHex(MTH(leafHashes))).toBe(want);
      // 65,536 leaves hash in about a second alone, several times that while the API and browser suites share the cores.
    },
    60_000,
  );
});

// ---------------------------------------------------------------------------------------------------------------

describe('stored hash indexes', () => {
  it('numbers the first hashes as in Go tlog', () => {
    // Leaves 0,1 → hashes 0,1 then node (1,0) at 2; leaf 2 → 3; leaf 3 → 4, (1,1) at 5, (2,0) at 6.
    expect([0, 1, 2, 3, 4].map((n) => storedHashIndex(0, n))).toEqual([0, 1, 3, 4, 7]);
    expect(storedHashIndex(1, 0)).toBe(2);
    expect(storedHashIndex(1, 1)).toBe(5);
    expect(storedHashIndex(2, 0)).toBe(6);
    expect([0, 1, 2, 3, 4, 5, 8].map(storedHashCount)).toEqual([0, 1, 3, 4, 7, 8, 15]);
  });

  it('splitStoredHashIndex inverts storedHashIndex', () => {
    for (let l = 0; l < 10; l++) {
      for (let n = 0; n < 100; n++) {
        expect(splitStoredHashIndex(storedHashIndex(l, n))).toEqual({ level: l, n });
      }
    }
    // Beyond 32 bits.
    const big = 2 ** 40 + 12345;
    expect(splitStoredHashIndex(storedHashIndex(3, big))).toEqual({ level: 3, n: big });
  });

  it('storedHashCount(n) hashes are stored after n leaves, starting leaf n at storedHashIndex(0, n)', () => {
    const store = new MemoryHashStore();
    for (let n = 0; n < 300; n++) {
      expect(storedHashIndex(0, n)).toBe(store.hashCount);
      const hs = storedHashes(n, hashLeaf(leafData(n)), store);
      expect(hs.length).toBe(1 + (n.toString(2).match(/1*$/)?.[0].length ?? 0));
      store.appendLeafHash(hashLeaf(leafData(n)));
      expect(store.hashCount).toBe(storedHashCount(n + 1));
    }
  });

  it('rejects negative, fractional and unsafe indexes', () => {
    expect(() => storedHashIndex(-1, 0)).toThrow(RangeError);
    expect(() => storedHashIndex(0, 1.5)).toThrow(RangeError);
    expect(() => storedHashCount(2 ** 60)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('every inclusion and consistency pair up to size 17 against the naive RFC 6962 reference', () => {
  const N = 17;
  const { store, leafHashes } = buildStore(N);
  const roots = Array.from({ length: N + 1 }, (_, n) => MTH(leafHashes.slice(0, n)));

  it('tree hashes', () => {
    for (let n = 0; n <= N; n++) expect(toHex(treeHash(n, store))).toBe(toHex(roots[n] as Uint8Array));
  });

  it('inclusion proofs: generated = PATH, verified by RFC 9162 and Go algorithms, tampering rejected', () => {
    let pairs = 0;
    for (let n = 1; n <= N; n++) {
      const root = roots[n] as Uint8Array;
      for (let i = 0; i < n; i++) {
        pairs++;
        const lh = leafHashes[i] as Uint8Array;
        const proof = proveRecord(n, i, store);
        expect(hexList(proof)).toEqual(hexList(PATH(i, leafHashes.slice(0, n))));
        expect(verifyInclusion(lh, i, n, proof, root)).toBe(true);
        expect(checkRecord(proof, n, root, i, lh)).toBe(true);
        expect(toHex(rootFromInclusionProof(lh, i, n, proof) as Uint8Array)).toBe(toHex(root));

        // Wrong leaf, root, index, size; every proof hash flipped; proof truncated / extended.
        expect(verifyInclusion(flip(lh), i, n, proof, root)).toBe(false);
        expect(verifyInclusion(lh, i, n, proof, flip(root, 255))).toBe(false);
        for (let j = 0; j < n; j++) {
          if (j !== i) {
            expect(verifyInclusion(lh, j, n, proof, root)).toBe(false);
            expect(checkRecord(proof, n, root, j, lh)).toBe(false);
          }
        }
        // (A proof alone does not pin the size — the same path can fit size n+1 — the signed checkpoint does.)
        if (n < N) expect(verifyInclusion(lh, i, n + 1, proof, roots[n + 1] as Uint8Array)).toBe(false);
        if (i < n - 1) expect(verifyInclusion(lh, i, n - 1, proof, roots[n - 1] as Uint8Array)).toBe(false);
        expect(verifyInclusion(lh, n, n, proof, root)).toBe(false);
        proof.forEach((_, k) => {
          const bad = proof.map((h, j) => (j === k ? flip(h, 7) : h));
          expect(verifyInclusion(lh, i, n, bad, root)).toBe(false);
          expect(checkRecord(bad, n, root, i, lh)).toBe(false);
        });
        if (proof.length > 0) {
          expect(verifyInclusion(lh, i, n, proof.slice(0, -1), root)).toBe(false);
          expect(verifyInclusion(lh, i, n, proof.slice(1), root)).toBe(false);
        }
        expect(verifyInclusion(lh, i, n, [...proof, root], root)).toBe(false);
        expect(verifyInclusion(lh, i, n, [root, ...proof], root)).toBe(false);
        expect(checkRecord([...proof, root], n, root, i, lh)).toBe(false);
      }
    }
    expect(pairs).toBe((N * (N + 1)) / 2);
  });

  it('consistency proofs: generated = PROOF, verified by RFC 9162 and Go algorithms, tampering rejected', () => {
    let pairs = 0;
    for (let n = 1; n <= N; n++) {
      for (let m = 1; m <= n; m++) {
        pairs++;
        const r1 = roots[m] as Uint8Array;
        const r2 = roots[n] as Uint8Array;
        const proof = proveTree(n, m, store);
        expect(hexList(proof)).toEqual(m === n ? [] : hexList(PROOF(m, leafHashes.slice(0, n))));
        expect(verifyConsistency(m, n, proof, r1, r2)).toBe(true);
        expect(checkTree(proof, n, r2, m, r1)).toBe(true);

        expect(verifyConsistency(m, n, proof, flip(r1), r2)).toBe(false);
        expect(verifyConsistency(m, n, proof, r1, flip(r2))).toBe(false);
        expect(checkTree(proof, n, flip(r2), m, r1)).toBe(false);
        if (m !== n) expect(verifyConsistency(m, n, proof, r2, r1)).toBe(false);
        for (let m2 = 1; m2 <= n; m2++) {
          if (m2 !== m) expect(verifyConsistency(m2, n, proof, r1, r2)).toBe(false);
        }
        if (n < N) expect(verifyConsistency(m, n + 1, proof, r1, roots[n + 1] as Uint8Array)).toBe(false);
        proof.forEach((_, k) => {
          const bad = proof.map((h, j) => (j === k ? flip(h, 100) : h));
          expect(verifyConsistency(m, n, bad, r1, r2)).toBe(false);
          expect(checkTree(bad, n, r2, m, r1)).toBe(false);
        });
        if (proof.length > 0) {
          expect(verifyConsistency(m, n, proof.slice(0, -1), r1, r2)).toBe(false);
          expect(verifyConsistency(m, n, proof.slice(1), r1, r2)).toBe(false);
        }
        expect(verifyConsistency(m, n, [...proof, r2], r1, r2)).toBe(false);
        expect(verifyConsistency(m, n, [r1, ...proof], r1, r2)).toBe(false);
      }
    }
    expect(pairs).toBe((N * (N + 1)) / 2);
  });

  it('consistency edge cases follow RFC 9162 / transparency-dev', () => {
    const r1 = roots[1] as Uint8Array;
    const r5 = roots[5] as Uint8Array;
    const empty = emptyRoot();
    // From the empty tree: meaningless, rejected; sizes out of order rejected; equal sizes need equal roots.
    expect(verifyConsistency(0, 0, [], empty, empty)).toBe(false);
    expect(verifyConsistency(0, 1, [], empty, r1)).toBe(false);
    expect(verifyConsistency(5, 1, [], r5, r1)).toBe(false);
    expect(verifyConsistency(5, 5, [], r5, r5)).toBe(true);
    expect(verifyConsistency(5, 5, [], r5, r1)).toBe(false);
    expect(verifyConsistency(5, 5, [r5], r5, r5)).toBe(false);
    expect(verifyConsistency(1, 5, [], r1, r5)).toBe(false);
    expect(verifyConsistency(1.5, 5, [], r1, r5)).toBe(false);
    expect(verifyConsistency(1, 5, [new Uint8Array(31)], r1, r5)).toBe(false);
    expect(() => proveTree(5, 0, store)).toThrow(RangeError);
    expect(() => proveTree(5, 6, store)).toThrow(RangeError);
  });

  it('inclusion edge cases', () => {
    const lh = leafHashes[0] as Uint8Array;
    expect(verifyInclusion(lh, 0, 1, [], lh)).toBe(true);
    expect(verifyInclusion(lh, 0, 0, [], emptyRoot())).toBe(false);
    expect(verifyInclusion(lh, -1, 1, [], lh)).toBe(false);
    expect(verifyInclusion(lh, 0, 1, [], new Uint8Array(31))).toBe(false);
    expect(verifyInclusion(new Uint8Array(31), 0, 1, [], lh)).toBe(false);
    expect(verifyInclusion(lh, 0, 1, [lh], lh)).toBe(false);
    expect(() => proveRecord(5, 5, store)).toThrow(RangeError);
    expect(() => proveRecord(0, 0, store)).toThrow(RangeError);
    expect(() => proveRecord(N + 1, 0, store)).toThrow(RangeError);
  });
});

describe('powers of two and larger trees', () => {
  it('every inclusion and consistency pair for sizes 32 and 64 matches the reference', () => {
    for (const N of [32, 64]) {
      const { store, leafHashes } = buildStore(N);
      const root = MTH(leafHashes);
      for (let i = 0; i < N; i++) {
        const proof = store.inclusionProof(i);
        expect(hexList(proof)).toEqual(hexList(PATH(i, leafHashes)));
        expect(verifyInclusion(leafHashes[i] as Uint8Array, i, N, proof, root)).toBe(true);
      }
      for (let m = 1; m < N; m++) {
        const proof = store.consistencyProof(m);
        expect(hexList(proof)).toEqual(hexList(PROOF(m, leafHashes)));
        expect(verifyConsistency(m, N, proof, MTH(leafHashes.slice(0, m)), root)).toBe(true);
      }
    }
  });

  it('sampled proofs in a tree of 1000 leaves match the reference', () => {
    const { store, leafHashes } = buildStore(1000);
    for (const n of [1, 2, 255, 256, 257, 511, 512, 513, 999, 1000]) {
      const root = MTH(leafHashes.slice(0, n));
      expect(toHex(store.rootHash(n))).toBe(toHex(root));
      for (const i of [0, 1, Math.floor(n / 2), n - 2, n - 1].filter((x) => x >= 0 && x < n)) {
        expect(hexList(store.inclusionProof(i, n))).toEqual(hexList(PATH(i, leafHashes.slice(0, n))));
      }
      for (const m of [1, 3, 100, 128, n - 1].filter((x) => x >= 1 && x < n)) {
        const proof = store.consistencyProof(m, n);
        expect(hexList(proof)).toEqual(hexList(PROOF(m, leafHashes.slice(0, n))));
        expect(verifyConsistency(m, n, proof, MTH(leafHashes.slice(0, m)), root)).toBe(true);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('batch append', () => {
  it('produces exactly the hashes of one-by-one appends, with one frontier read per batch', () => {
    const { store: single, leafHashes } = buildStore(300);
    const batched = new MemoryHashStore();
    const sizes = [1, 2, 5, 8, 13, 1, 50, 100, 120];
    let pos = 0;
    for (const k of sizes) {
      const before = batched.readCalls;
      const result = batched.appendBatch(leafHashes.slice(pos, pos + k));
      expect(batched.readCalls - before).toBeLessThanOrEqual(1);
      pos += k;
      expect(result.size).toBe(pos);
      expect(toHex(result.rootHash)).toBe(toHex(single.rootHash(pos)));
    }
    expect(batched.hashCount).toBe(single.hashCount);
    const all = Array.from({ length: single.hashCount }, (_, i) => i);
    expect(hexList(batched.readHashes(all))).toEqual(hexList(single.readHashes(all)));
  });

  it('empty batch returns the current root and nothing to store', () => {
    const { store } = buildStore(7);
    const r = appendLeafHashes(7, [], store);
    expect(r.hashes).toEqual([]);
    expect(r.startIndex).toBe(storedHashCount(7));
    expect(toHex(r.rootHash)).toBe(toHex(store.rootHash()));
  });

  it('async variant agrees', async () => {
    const { store, leafHashes } = buildStore(20);
    const asyncReader = { readHashes: async (ix: readonly number[]) => store.readHashes(ix) };
    const r = await appendLeafHashesAsync(20, [hashLeaf(leafData(20))], asyncReader);
    store.appendLeafHash(hashLeaf(leafData(20)));
    expect(toHex(r.rootHash)).toBe(toHex(store.rootHash()));
    expect(toHex(await treeHashAsync(21, asyncReader))).toBe(toHex(store.rootHash()));
    expect(hexList(await proveRecordAsync(21, 3, asyncReader))).toEqual(hexList(store.inclusionProof(3)));
    expect(hexList(await proveTreeAsync(21, 9, asyncReader))).toEqual(hexList(store.consistencyProof(9)));
    expect(leafHashes.length).toBe(20);
  });
});

describe('HashReader contract', () => {
  it('a reader returning the wrong number or size of hashes is an error, not a wrong proof', () => {
    const { store } = buildStore(10);
    const short = { readHashes: (ix: readonly number[]) => store.readHashes(ix).slice(1) };
    const badSize = { readHashes: (ix: readonly number[]) => ix.map(() => new Uint8Array(31)) };
    expect(() => proveRecord(10, 3, short)).toThrow(HashReaderError);
    expect(() => treeHash(10, badSize)).toThrow(HashReaderError);
    expect(() => proveTree(10, 3, short)).toThrow(HashReaderError);
  });

  it('asks for indexes in increasing order (friendly to range scans)', () => {
    const { store } = buildStore(100);
    const sorted = (ix: number[]) => ix.every((x, k) => k === 0 || (ix[k - 1] as number) < x);
    for (let n = 1; n <= 100; n++) {
      for (let i = 0; i < n; i++) expect(sorted(inclusionProofIndexes(n, i))).toBe(true);
      for (let m = 1; m <= n; m++) expect(sorted(consistencyProofIndexes(n, m))).toBe(true);
    }
    expect(store.size).toBe(100);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('O(log n) proofs at one million entries', () => {
  it('builds 1,000,000 leaves and proves with one read of at most ~2 log2(n) hashes, in well under 1 ms', () => {
    const N = 1_000_000;
    const store = new MemoryHashStore();
    const batch: Hash[] = [];
    for (let i = 0; i < N; i++) {
      batch.push(hashLeaf(leafData(i)));
      if (batch.length === 10_000) store.appendBatch(batch.splice(0));
    }
    expect(store.size).toBe(N);
    const root = store.rootHash();
    const indexes = [0, 1, 123_456, 524_287, 524_288, 999_998, 999_999];
    for (const i of indexes) {
      const before = { calls: store.readCalls, hashes: store.hashesRead };
      const proof = store.inclusionProof(i);
      expect(store.readCalls - before.calls).toBe(1);
      expect(store.hashesRead - before.hashes).toBeLessThanOrEqual(2 * 20 + 2);
      expect(proof.length).toBeLessThanOrEqual(20);
      expect(verifyInclusion(hashLeaf(leafData(i)), i, N, proof, root)).toBe(true);
    }
    const before = store.hashesRead;
    const cproof = store.consistencyProof(777_777);
    expect(store.hashesRead - before).toBeLessThanOrEqual(2 * 20 + 2);
    expect(verifyConsistency(777_777, N, cproof, store.rootHash(777_777), root)).toBe(true);

    // Timing: median of many proofs, generous bound (the target is < 1 ms).
    const times: number[] = [];
    for (let k = 0; k < 200; k++) {
      const i = (k * 4999) % N;
      const t0 = performance.now();
      store.inclusionProof(i);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[100] as number).toBeLessThan(1);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------------------------

describe('tiles (C2SP tlog-tiles, Go tlog tile.go)', () => {
  it('formats and parses tile paths', () => {
    expect(tilePath({ height: 8, level: 0, n: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ height: 8, level: 1, n: 0, width: 17 })).toBe('tile/1/000.p/17');
    expect(entryBundlePath(1234067)).toBe('tile/entries/x001/x234/067');
    expect(entryBundlePath(5, 3)).toBe('tile/entries/005.p/3');
    expect(parseTilePath('tile/0/x001/x234/067')).toEqual({ height: 8, level: 0, n: 1234067, width: 256 });
    expect(parseTilePath('tile/2/005.p/255')).toEqual({ height: 8, level: 2, n: 5, width: 255 });
    for (const bad of [
      'tile/0/1234067',
      'tile/0/x001/067.p/256',
      'tile/0/001.p/0',
      'tile/64/000',
      'tile/00/000',
      'tile/0/x000/001',
    ]) {
      expect(parseTilePath(bad)).toBeNull();
    }
  });

  it('newTiles lists the tiles of a tree of 70,000 as in the spec example', () => {
    const tiles = newTiles(8, 0, 70_000);
    const level0 = tiles.filter((t) => t.level === 0);
    expect(level0.filter((t) => t.width === 256).length).toBe(273);
    expect(level0.filter((t) => t.width < 256).map((t) => t.width)).toEqual([112]);
    expect(tiles.filter((t) => t.level === 1).map((t) => t.width)).toEqual([256, 17]);
    expect(tiles.filter((t) => t.level === 2).map((t) => t.width)).toEqual([1]);
    expect(newTiles(8, 0, 256).map(tilePath)).toEqual(['tile/0/000', 'tile/1/000.p/1']);
  });

  it('every stored hash is readable from its tile, and tiles only grow (height 2, as in Go tests)', () => {
    const H = 2;
    const store = new MemoryHashStore();
    const tiles = new Map<string, Uint8Array>();
    const key = (t: Tile) => `${t.level}/${t.n}/${t.width}`;
    for (let i = 0; i < 100; i++) {
      const old = store.hashCount;
      store.append(leafData(i));
      for (const t of newTiles(H, i, i + 1)) {
        const data = readTileData(t, store);
        const prev = tiles.get(key({ ...t, width: t.width - 1 }));
        if (t.width > 1) expect(toHex(data.subarray(0, prev?.length ?? 0))).toBe(toHex(prev ?? new Uint8Array(0)));
        tiles.set(key(t), data);
      }
      for (let j = old; j < store.hashCount; j++) {
        const t = tileForIndex(H, j);
        const data = tiles.get(key(t));
        expect(data).toBeDefined();
        expect(toHex(hashFromTile(t, data as Uint8Array, j))).toBe(toHex(store.readHashes([j])[0] as Uint8Array));
      }
    }
  });

  it('height-8 tiles of a 1000-leaf tree hold every stored hash (C2SP layout)', () => {
    const { store } = buildStore(1000);
    const tiles = new Map<string, Uint8Array>();
    for (const t of newTiles(8, 0, 1000)) tiles.set(tilePath(t), readTileData(t, store));
    expect([...tiles.keys()]).toEqual(['tile/0/000', 'tile/0/001', 'tile/0/002', 'tile/0/003.p/232', 'tile/1/000.p/3']);
    // Level-1 tile hashes are the roots of the full level-0 tiles.
    const level1 = tiles.get('tile/1/000.p/3') as Uint8Array;
    expect(toHex(level1.subarray(32, 64))).toBe(
      toHex(rootFromLeafHashes(chunk(tiles.get('tile/0/001') as Uint8Array))),
    );
    for (let j = 0; j < store.hashCount; j++) {
      const t = tileForIndex(8, j);
      const full = [...tiles.entries()].find(([path]) => {
        const p = parseTilePath(path) as Tile;
        return p.level === t.level && p.n === t.n && p.width >= t.width;
      });
      if (full === undefined) throw new Error(`stored hash ${j} is in no published tile`);
      expect(toHex(hashFromTile(parseTilePath(full[0]) as Tile, full[1], j))).toBe(
        toHex(store.readHashes([j])[0] as Uint8Array),
      );
    }
  });

  it('entry bundles round-trip', () => {
    const entries = [enc('a'), new Uint8Array(0), new Uint8Array(300).fill(7)];
    const data = encodeEntryBundle(entries);
    expect(data.length).toBe(2 + 1 + 2 + 0 + 2 + 300);
    expect(parseEntryBundle(data)?.map(toHex)).toEqual(entries.map(toHex));
    expect(parseEntryBundle(data.subarray(0, data.length - 1))).toBeNull();
  });
});
