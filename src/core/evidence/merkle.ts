/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, proof generation and proof verification for the evidence log.
 *
 * Hashing (RFC 6962 section 2.1, RFC 9162 section 2.1.1): leaf = SHA-256(0x00 || entry), interior node =
 * SHA-256(0x01 || left || right), empty tree = SHA-256("").
 *
 * Storage follows the design of Go's golang.org/x/mod/sumdb/tlog (itself after Crosby and Wallach, "Efficient Data
 * Structures for Tamper-Evident Logging", section 3.3): the hash of every *complete* subtree is written exactly once,
 * in an append-only numbered sequence (the "stored hash index"), at the moment its last leaf is appended. Nothing is
 * ever rewritten, so the sequence maps one-to-one onto immutable database rows, and any tree head or proof for any
 * tree size is computed from at most O(log n) stored hashes:
 *
 *   - `storedHashes(n, leafHash, reader)` returns the hashes to write when appending leaf n (index
 *     `storedHashIndex(0, n)` onwards); `appendLeafHashes` does the same for a whole batch with one read.
 *   - `treeHash(n, reader)`, `proveRecord(t, n, reader)` (inclusion) and `proveTree(t, n, reader)` (consistency) read
 *     only what they need through a `HashReader`.
 *
 * For asynchronous storage (a database), each reader-taking function has an `...Async` twin, and the two phases are
 * exported separately as well: `xxxIndexes(...)` says which stored hashes are needed (one query), `xxxFromHashes(...)`
 * computes the result from them.
 *
 * Tree sizes and indexes are JavaScript numbers; anything that is not a safe non-negative integer is rejected.
 * Pure: no I/O (node:crypto SHA-256 via ./encoding).
 */
import { assertUint, bytesEqual, sha256 } from './encoding';

export type Hash = Uint8Array;
export const HASH_SIZE = 32;

/** A position in the append-only stored-hash sequence (see `storedHashIndex`). */
export type StoredHashIndex = number;

/** Reads stored hashes by their stored hash index. Must return exactly one hash per index, in order, or throw. */
export interface HashReader {
  readHashes(indexes: readonly StoredHashIndex[]): Hash[];
}

/** The asynchronous form of `HashReader`, for database-backed storage. */
export interface AsyncHashReader {
  readHashes(indexes: readonly StoredHashIndex[]): Promise<Hash[]> | Hash[];
}

/** Thrown when a reader breaks its contract (wrong number or size of hashes). */
export class HashReaderError extends Error {
  override name = 'HashReaderError';
}

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);
const EMPTY_ROOT = sha256();

// ---------------------------------------------------------------------------------------------------------------
// Hashing

/** RFC 6962 leaf hash: SHA-256(0x00 || entry). */
export function hashLeaf(entry: Uint8Array): Hash {
  return sha256(LEAF_PREFIX, entry);
}

/** RFC 6962 interior node hash: SHA-256(0x01 || left || right). */
export function hashChildren(left: Hash, right: Hash): Hash {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new RangeError('hashChildren: both children must be 32-byte hashes');
  }
  return sha256(NODE_PREFIX, left, right);
}

/** Root of the empty tree: SHA-256 of the empty string (e3b0c442…b855). */
export function emptyRoot(): Hash {
  return EMPTY_ROOT.slice();
}

/** True if h is a well-formed hash (32 bytes). */
export function isHash(h: unknown): h is Hash {
  return h instanceof Uint8Array && h.length === HASH_SIZE;
}

/**
 * MTH(D[n]) from the leaf hashes, in O(n) time and O(log n) memory (a stack of complete subtrees, merged as in the
 * stored-hash scheme; the result equals the recursive RFC 6962 definition).
 */
export function rootFromLeafHashes(leafHashes: readonly Hash[]): Hash {
  if (leafHashes.length === 0) return emptyRoot();
  const stack: Hash[] = [];
  for (let n = 0; n < leafHashes.length; n++) {
    let h = leafHashes[n] as Hash;
    if (h.length !== HASH_SIZE) throw new RangeError(`leaf hash ${n} is not 32 bytes`);
    // Each trailing 1 bit of n completes a subtree with the one on top of the stack.
    for (let m = n; m % 2 === 1; m = (m - 1) / 2) h = hashChildren(stack.pop() as Hash, h);
    stack.push(h);
  }
  // Fold the remaining complete subtrees right to left (RFC 6962: the left side is the largest power of two).
  let root = stack.pop() as Hash;
  while (stack.length > 0) root = hashChildren(stack.pop() as Hash, root);
  return root;
}

// ---------------------------------------------------------------------------------------------------------------
// Integer helpers (no 32-bit bitwise operators: sizes may exceed 2^32)

function pow2(l: number): number {
  return 2 ** l;
}

/** Number of trailing zero bits of x > 0. */
function trailingZeros(x: number): number {
  let z = 0;
  while (x % 2 === 0) {
    x /= 2;
    z++;
  }
  return z;
}

/** k, l with k = 2^l the largest power of two strictly smaller than n (n ≥ 2); for n = 1, k = 1, l = 0. */
function maxpow2(n: number): [number, number] {
  let k = 1;
  let l = 0;
  while (k * 2 < n) {
    k *= 2;
    l++;
  }
  return [k, l];
}

function bug(what: string): never {
  throw new Error(`merkle: internal error (${what})`);
}

// ---------------------------------------------------------------------------------------------------------------
// Stored hash indexes

/**
 * Maps the tree coordinate (level, n) — the n'th complete subtree of 2^level leaves — to its position in the
 * append-only stored-hash sequence. Level L's n'th hash is stored right after level L-1's (2n+1)'th hash; level 0's
 * n'th hash is at n + n/2 + n/4 + … . Same numbering as Go's tlog.StoredHashIndex.
 */
export function storedHashIndex(level: number, n: number): StoredHashIndex {
  assertUint(level, 'level');
  assertUint(n, 'n');
  for (let l = level; l > 0; l--) n = 2 * n + 1;
  let i = 0;
  for (; n > 0; n = Math.floor(n / 2)) i += n;
  return i + level;
}

/** The inverse of `storedHashIndex`. */
export function splitStoredHashIndex(index: StoredHashIndex): { level: number; n: number } {
  assertUint(index, 'index');
  // storedHashIndex(0, n) < 2n, so the n we want is in [index/2, index/2 + log2(index)].
  let n = Math.floor(index / 2);
  let indexN = storedHashIndex(0, n);
  if (indexN > index) bug('splitStoredHashIndex');
  for (;;) {
    // Each new leaf n adds 1 + trailingZeros(n + 1) hashes.
    const x = indexN + 1 + trailingZeros(n + 1);
    if (x > index) break;
    n++;
    indexN = x;
  }
  // The hash we want was committed with leaf n, so it is one of (0, n), (1, n/2), (2, n/4), …
  const level = index - indexN;
  return { level, n: Math.floor(n / pow2(level)) };
}

/** Number of stored hashes for a tree of n leaves; also the stored index at which leaf n's hashes start. */
export function storedHashCount(n: number): number {
  assertUint(n, 'tree size');
  if (n === 0) return 0;
  let count = storedHashIndex(0, n - 1) + 1;
  for (let i = n - 1; i % 2 === 1; i = (i - 1) / 2) count++;
  return count;
}

/** Stored indexes that `storedHashes` reads when appending leaf n (the left siblings of subtrees leaf n completes). */
export function storedHashesIndexes(n: number): StoredHashIndex[] {
  assertUint(n, 'leaf index');
  const m = trailingZeros(n + 1);
  const indexes = new Array<number>(m);
  for (let i = 0; i < m; i++) indexes[m - 1 - i] = storedHashIndex(i, Math.floor(n / pow2(i)) - 1);
  return indexes;
}

/** The hashes to store for leaf n, given its leaf hash and the hashes at `storedHashesIndexes(n)`. */
export function storedHashesFromHashes(n: number, leafHash: Hash, old: readonly Hash[]): Hash[] {
  const m = trailingZeros(n + 1);
  checkHashes(old, m);
  const hashes: Hash[] = [leafHash];
  let h = leafHash;
  for (let i = 0; i < m; i++) {
    h = hashChildren(old[m - 1 - i] as Hash, h);
    hashes.push(h);
  }
  return hashes;
}

/**
 * The hashes that must be stored when appending leaf n with the given leaf hash, to be written at stored indexes
 * `storedHashIndex(0, n)`, `storedHashIndex(0, n) + 1`, … . At most 1 + log2(n) hashes, just under two on average;
 * reads at most log2(n) earlier hashes.
 */
export function storedHashes(n: number, leafHash: Hash, reader: HashReader): Hash[] {
  assertHash(leafHash, 'leaf hash');
  const indexes = storedHashesIndexes(n);
  return storedHashesFromHashes(n, leafHash, indexes.length === 0 ? [] : reader.readHashes(indexes));
}

export async function storedHashesAsync(n: number, leafHash: Hash, reader: AsyncHashReader): Promise<Hash[]> {
  assertHash(leafHash, 'leaf hash');
  const indexes = storedHashesIndexes(n);
  return storedHashesFromHashes(n, leafHash, indexes.length === 0 ? [] : await reader.readHashes(indexes));
}

/** The result of appending a batch of leaves to a tree of `oldSize` leaves. */
export interface AppendResult {
  /** Stored index of `hashes[0]`; equals `storedHashCount(oldSize)`. */
  startIndex: StoredHashIndex;
  /** The new stored hashes, for indexes `startIndex`, `startIndex + 1`, … (append-only). */
  hashes: Hash[];
  /** The new tree size. */
  size: number;
  /** The root hash of the new tree. */
  rootHash: Hash;
}

/** Stored indexes `appendLeafHashes` reads: the complete-subtree "frontier" of the old tree (≤ log2(oldSize) + 1). */
export function appendIndexes(oldSize: number): StoredHashIndex[] {
  return treeHashIndexes(oldSize);
}

/**
 * Computes everything to store for a batch of new leaves, given the old tree's frontier hashes (the hashes at
 * `appendIndexes(oldSize)`, in that order). Every hash an append needs from before the batch is a frontier hash, so
 * a batch costs a single read of at most log2(n) + 1 rows.
 */
export function appendFromHashes(
  oldSize: number,
  leafHashes: readonly Hash[],
  frontier: readonly Hash[],
): AppendResult {
  assertUint(oldSize, 'old tree size');
  const frontierIndexes = appendIndexes(oldSize);
  checkHashes(frontier, frontierIndexes.length);
  const known = new Map<number, Hash>();
  for (let i = 0; i < frontierIndexes.length; i++) known.set(frontierIndexes[i] as number, frontier[i] as Hash);
  const startIndex = storedHashCount(oldSize);
  const hashes: Hash[] = [];
  const lookup = (x: number): Hash => {
    const h = x >= startIndex ? hashes[x - startIndex] : known.get(x);
    return h ?? bug('appendFromHashes lookup');
  };
  for (let i = 0; i < leafHashes.length; i++) {
    const n = oldSize + i;
    const leafHash = leafHashes[i] as Hash;
    assertHash(leafHash, `leaf hash ${i}`);
    if (storedHashIndex(0, n) !== startIndex + hashes.length) bug('appendFromHashes position');
    hashes.push(...storedHashesFromHashes(n, leafHash, storedHashesIndexes(n).map(lookup)));
  }
  const size = oldSize + leafHashes.length;
  const rootHash = treeHashFromHashes(size, treeHashIndexes(size).map(lookup));
  return { startIndex, hashes, size, rootHash };
}

/** `appendFromHashes` with the frontier read through `reader`. */
export function appendLeafHashes(oldSize: number, leafHashes: readonly Hash[], reader: HashReader): AppendResult {
  const indexes = appendIndexes(oldSize);
  return appendFromHashes(oldSize, leafHashes, indexes.length === 0 ? [] : reader.readHashes(indexes));
}

export async function appendLeafHashesAsync(
  oldSize: number,
  leafHashes: readonly Hash[],
  reader: AsyncHashReader,
): Promise<AppendResult> {
  const indexes = appendIndexes(oldSize);
  return appendFromHashes(oldSize, leafHashes, indexes.length === 0 ? [] : await reader.readHashes(indexes));
}

// ---------------------------------------------------------------------------------------------------------------
// Tree hash

/** Stored indexes of the complete subtrees covering leaves [lo, hi), largest first, appended to `need`. */
function subTreeIndex(lo: number, hi: number, need: number[]): number[] {
  while (lo < hi) {
    const [k, level] = maxpow2(hi - lo + 1);
    if (lo % k !== 0) bug('subTreeIndex');
    need.push(storedHashIndex(level, lo / k));
    lo += k;
  }
  return need;
}

/** A read cursor over the hashes returned for a list of indexes. */
class Cursor {
  pos = 0;
  constructor(readonly hashes: readonly Hash[]) {}
}

/** Hash of the subtree [lo, hi) from the hashes `subTreeIndex(lo, hi)` asked for, consuming them from the cursor. */
function subTreeHash(lo: number, hi: number, c: Cursor): Hash {
  let numTree = 0;
  while (lo < hi) {
    const [k] = maxpow2(hi - lo + 1);
    if (lo % k !== 0) bug('subTreeHash');
    numTree++;
    lo += k;
  }
  if (c.hashes.length - c.pos < numTree) bug('subTreeHash count');
  let h = c.hashes[c.pos + numTree - 1] as Hash;
  for (let i = numTree - 2; i >= 0; i--) h = hashChildren(c.hashes[c.pos + i] as Hash, h);
  c.pos += numTree;
  return h;
}

/** Stored indexes needed for the root of a tree of n leaves (at most 1 + log2(n)). */
export function treeHashIndexes(n: number): StoredHashIndex[] {
  assertUint(n, 'tree size');
  return subTreeIndex(0, n, []);
}

export function treeHashFromHashes(n: number, hashes: readonly Hash[]): Hash {
  if (n === 0) return emptyRoot();
  const indexes = treeHashIndexes(n);
  checkHashes(hashes, indexes.length);
  const c = new Cursor(hashes);
  const h = subTreeHash(0, n, c);
  if (c.pos !== hashes.length) bug('treeHash leftover');
  return h;
}

/** The root hash of the tree of n leaves, from one read of at most 1 + log2(n) stored hashes. */
export function treeHash(n: number, reader: HashReader): Hash {
  if (n === 0) return emptyRoot();
  return treeHashFromHashes(n, reader.readHashes(treeHashIndexes(n)));
}

export async function treeHashAsync(n: number, reader: AsyncHashReader): Promise<Hash> {
  if (n === 0) return emptyRoot();
  return treeHashFromHashes(n, await reader.readHashes(treeHashIndexes(n)));
}

// ---------------------------------------------------------------------------------------------------------------
// Inclusion proofs (RFC 6962 section 2.1.1 "Merkle audit paths", RFC 9162 section 2.1.3.1)

function checkInclusionArgs(t: number, n: number): void {
  assertUint(t, 'tree size');
  assertUint(n, 'leaf index');
  if (n >= t) throw new RangeError(`leaf index ${n} is not below tree size ${t}`);
}

function leafProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (!(lo <= n && n < hi)) bug('leafProofIndex');
  if (lo + 1 === hi) return need;
  const [k] = maxpow2(hi - lo);
  if (n < lo + k) {
    leafProofIndex(lo, lo + k, n, need);
    subTreeIndex(lo + k, hi, need);
  } else {
    subTreeIndex(lo, lo + k, need);
    leafProofIndex(lo + k, hi, n, need);
  }
  return need;
}

function leafProof(lo: number, hi: number, n: number, c: Cursor, out: Hash[]): void {
  if (!(lo <= n && n < hi)) bug('leafProof');
  // At the leaf: the verifier knows its hash, nothing to send.
  if (lo + 1 === hi) return;
  // Walk down towards n, recording the hash of the side not taken. The proof lists hashes bottom-up, so the
  // recursive (deeper) part comes first even though its stored hashes may be read after the sibling's.
  const [k] = maxpow2(hi - lo);
  if (n < lo + k) {
    leafProof(lo, lo + k, n, c, out);
    out.push(subTreeHash(lo + k, hi, c));
  } else {
    const sibling = subTreeHash(lo, lo + k, c);
    leafProof(lo + k, hi, n, c, out);
    out.push(sibling);
  }
}

/** Stored indexes needed for the inclusion proof of leaf n in the tree of size t (O(log t)). */
export function inclusionProofIndexes(t: number, n: number): StoredHashIndex[] {
  checkInclusionArgs(t, n);
  return leafProofIndex(0, t, n, []);
}

export function inclusionProofFromHashes(t: number, n: number, hashes: readonly Hash[]): Hash[] {
  checkInclusionArgs(t, n);
  checkHashes(hashes, inclusionProofIndexes(t, n).length);
  const c = new Cursor(hashes);
  const out: Hash[] = [];
  leafProof(0, t, n, c, out);
  if (c.pos !== hashes.length) bug('inclusion proof leftover');
  return out;
}

/** The RFC 9162 inclusion proof (audit path, leaf sibling first) for leaf n in the tree of size t. */
export function proveRecord(t: number, n: number, reader: HashReader): Hash[] {
  const indexes = inclusionProofIndexes(t, n);
  return inclusionProofFromHashes(t, n, indexes.length === 0 ? [] : reader.readHashes(indexes));
}

export async function proveRecordAsync(t: number, n: number, reader: AsyncHashReader): Promise<Hash[]> {
  const indexes = inclusionProofIndexes(t, n);
  return inclusionProofFromHashes(t, n, indexes.length === 0 ? [] : await reader.readHashes(indexes));
}

// ---------------------------------------------------------------------------------------------------------------
// Consistency proofs (RFC 6962 section 2.1.2, RFC 9162 section 2.1.4.1)

function checkConsistencyArgs(t: number, n: number): void {
  assertUint(t, 'new tree size');
  assertUint(n, 'old tree size');
  if (n < 1 || n > t) throw new RangeError(`consistency proof needs 0 < old size (${n}) <= new size (${t})`);
}

function treeProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (!(lo < n && n <= hi)) bug('treeProofIndex');
  if (n === hi) {
    if (lo === 0) return need;
    return subTreeIndex(lo, hi, need);
  }
  const [k] = maxpow2(hi - lo);
  if (n <= lo + k) {
    treeProofIndex(lo, lo + k, n, need);
    subTreeIndex(lo + k, hi, need);
  } else {
    subTreeIndex(lo, lo + k, need);
    treeProofIndex(lo + k, hi, n, need);
  }
  return need;
}

function treeProof(lo: number, hi: number, n: number, c: Cursor, out: Hash[]): void {
  if (!(lo < n && n <= hi)) bug('treeProof');
  if (n === hi) {
    // This subtree is exactly the old tree: the verifier knows its hash.
    if (lo === 0) return;
    out.push(subTreeHash(lo, hi, c));
    return;
  }
  const [k] = maxpow2(hi - lo);
  if (n <= lo + k) {
    treeProof(lo, lo + k, n, c, out);
    out.push(subTreeHash(lo + k, hi, c));
  } else {
    const sibling = subTreeHash(lo, lo + k, c);
    treeProof(lo + k, hi, n, c, out);
    out.push(sibling);
  }
}

/** Stored indexes needed for the consistency proof from size n to size t (O(log t)). */
export function consistencyProofIndexes(t: number, n: number): StoredHashIndex[] {
  checkConsistencyArgs(t, n);
  return treeProofIndex(0, t, n, []);
}

export function consistencyProofFromHashes(t: number, n: number, hashes: readonly Hash[]): Hash[] {
  checkConsistencyArgs(t, n);
  checkHashes(hashes, consistencyProofIndexes(t, n).length);
  const c = new Cursor(hashes);
  const out: Hash[] = [];
  treeProof(0, t, n, c, out);
  if (c.pos !== hashes.length) bug('consistency proof leftover');
  return out;
}

/**
 * The RFC 9162 consistency proof that the tree of size t contains the tree of size n (0 < n <= t) as a prefix.
 * Empty when n = t.
 */
export function proveTree(t: number, n: number, reader: HashReader): Hash[] {
  const indexes = consistencyProofIndexes(t, n);
  return consistencyProofFromHashes(t, n, indexes.length === 0 ? [] : reader.readHashes(indexes));
}

export async function proveTreeAsync(t: number, n: number, reader: AsyncHashReader): Promise<Hash[]> {
  const indexes = consistencyProofIndexes(t, n);
  return consistencyProofFromHashes(t, n, indexes.length === 0 ? [] : await reader.readHashes(indexes));
}

// ---------------------------------------------------------------------------------------------------------------
// Verification, RFC 9162 algorithms

function isUint(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function allHashes(proof: readonly Hash[]): boolean {
  return Array.isArray(proof) && proof.every(isHash);
}

/**
 * The root implied by an inclusion proof, following RFC 9162 section 2.1.3.2 step by step, or null if the proof
 * does not have the shape the index and size call for.
 */
export function rootFromInclusionProof(
  leafHash: Hash,
  index: number,
  size: number,
  proof: readonly Hash[],
): Hash | null {
  if (!isUint(index) || !isUint(size) || !isHash(leafHash) || !allHashes(proof)) return null;
  // 1. leaf_index must be below tree_size.
  if (index >= size) return null;
  // 2. fn = leaf_index, sn = tree_size - 1. 3. r = hash.
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  // 4. For each p in inclusion_path:
  for (const p of proof) {
    // a. If sn is 0, stop and fail.
    if (sn === 0) return null;
    // b. If LSB(fn) is set, or fn equals sn:
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      // Right-shift fn and sn equally until either LSB(fn) is set or fn is 0.
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    // c. Right-shift fn and sn once.
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // 5. sn must be 0 (the path was long enough).
  return sn === 0 ? r : null;
}

/** RFC 9162 section 2.1.3.2: does `proof` show that `leafHash` is leaf `index` of the tree of `size` with `root`? */
export function verifyInclusion(
  leafHash: Hash,
  index: number,
  size: number,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (!isHash(root)) return false;
  const r = rootFromInclusionProof(leafHash, index, size, proof);
  return r !== null && bytesEqual(r, root);
}

/**
 * RFC 9162 section 2.1.4.2: does `proof` show that the tree of `size2` with `root2` extends the tree of `size1` with
 * `root1`? Sizes must satisfy 0 < size1 <= size2; equal sizes need an empty proof and equal roots (as in Go's tlog
 * and transparency-dev/merkle). A consistency proof from the empty tree is rejected as meaningless, as in
 * transparency-dev/merkle; callers that must accept "anything extends the empty tree" handle size1 = 0 themselves.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
): boolean {
  if (!isUint(size1) || !isUint(size2) || !isHash(root1) || !isHash(root2) || !allHashes(proof)) return false;
  if (size1 < 1 || size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && bytesEqual(root1, root2);
  // 1. An empty consistency_path fails.
  if (proof.length === 0) return false;
  // 2. If first is an exact power of 2, prepend first_hash to the path.
  const path: readonly Hash[] = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  // 3. fn = first - 1, sn = second - 1.
  let fn = size1 - 1;
  let sn = size2 - 1;
  // 4. If LSB(fn) is set, right-shift fn and sn equally until it is not.
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  // 5. fr = sr = path[0].
  let fr = path[0] as Hash;
  let sr = path[0] as Hash;
  // 6. For each subsequent value c:
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as Hash;
    // a. If sn is 0, stop and fail.
    if (sn === 0) return false;
    // b. If LSB(fn) is set, or fn equals sn:
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      // iii. If LSB(fn) is not set, right-shift equally until LSB(fn) is set or fn is 0.
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    // c. Right-shift fn and sn once.
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // 7. fr = first_hash, sr = second_hash, sn = 0.
  return sn === 0 && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Verification, Go tlog algorithms (recursive; kept as an independent cross-check of the RFC 9162 versions)

function runRecordProof(p: readonly Hash[], end: number, lo: number, hi: number, n: number, leaf: Hash): Hash | null {
  if (lo + 1 === hi) return end === 0 ? leaf : null;
  if (end === 0) return null;
  const [k] = maxpow2(hi - lo);
  const last = p[end - 1] as Hash;
  if (n < lo + k) {
    const th = runRecordProof(p, end - 1, lo, lo + k, n, leaf);
    return th && hashChildren(th, last);
  }
  const th = runRecordProof(p, end - 1, lo + k, hi, n, leaf);
  return th && hashChildren(last, th);
}

/** Go tlog.CheckRecord: is `proof` a valid proof that the tree of size t with hash th has leaf n with hash h? */
export function checkRecord(proof: readonly Hash[], t: number, th: Hash, n: number, h: Hash): boolean {
  if (!isUint(t) || !isUint(n) || n >= t || !isHash(th) || !isHash(h) || !allHashes(proof)) return false;
  const r = runRecordProof(proof, proof.length, 0, t, n, h);
  return r !== null && bytesEqual(r, th);
}

function runTreeProof(
  p: readonly Hash[],
  end: number,
  lo: number,
  hi: number,
  n: number,
  old: Hash,
): [Hash, Hash] | null {
  if (n === hi) {
    if (lo === 0) return end === 0 ? [old, old] : null;
    return end === 1 ? [p[0] as Hash, p[0] as Hash] : null;
  }
  if (end === 0) return null;
  const [k] = maxpow2(hi - lo);
  const last = p[end - 1] as Hash;
  if (n <= lo + k) {
    const r = runTreeProof(p, end - 1, lo, lo + k, n, old);
    return r && [r[0], hashChildren(r[1], last)];
  }
  const r = runTreeProof(p, end - 1, lo + k, hi, n, old);
  return r && [hashChildren(last, r[0]), hashChildren(last, r[1])];
}

/** Go tlog.CheckTree: is `proof` a valid proof that the tree of size t with hash th extends the tree (n, h)? */
export function checkTree(proof: readonly Hash[], t: number, th: Hash, n: number, h: Hash): boolean {
  if (!isUint(t) || !isUint(n) || n < 1 || n > t || !isHash(th) || !isHash(h) || !allHashes(proof)) return false;
  const r = runTreeProof(proof, proof.length, 0, t, n, h);
  return r !== null && bytesEqual(r[0], h) && bytesEqual(r[1], th);
}

// ---------------------------------------------------------------------------------------------------------------
// Tiles (C2SP tlog-tiles; Go tlog tile.go)

/** C2SP tlog-tiles fixes the tile height at 8: full tiles hold 256 hashes. */
export const TILE_HEIGHT = 8;

/**
 * A tile of height `height` at tile level `level`, number `n`, holding `width` consecutive hashes of tree level
 * `level * height` starting at hash number `n * 2^height`. `width` < 2^height marks a partial tile.
 */
export interface Tile {
  height: number;
  level: number;
  n: number;
  width: number;
}

function assertHeight(h: number): void {
  if (!Number.isInteger(h) || h < 1 || h > 30) throw new RangeError(`invalid tile height ${h}`);
}

function tileForIndexRange(h: number, index: StoredHashIndex): { tile: Tile; start: number; end: number } {
  assertHeight(h);
  const split = splitStoredHashIndex(index);
  let level = split.level;
  let n = split.n;
  const tileLevel = Math.floor(level / h);
  level -= tileLevel * h; // level within the tile
  const tileN = Math.floor((n * pow2(level)) / pow2(h));
  n -= (tileN * pow2(h)) / pow2(level); // n within the tile, at that level
  const width = (n + 1) * pow2(level);
  return {
    tile: { height: h, level: tileLevel, n: tileN, width },
    start: n * pow2(level) * HASH_SIZE,
    end: (n + 1) * pow2(level) * HASH_SIZE,
  };
}

/** The tile of height h and least width that holds (or lets one recompute) the hash at a stored index. */
export function tileForIndex(h: number, index: StoredHashIndex): Tile {
  return tileForIndexRange(h, index).tile;
}

/** Hash of the 2^k hashes in data, as the subtree they are the bottom level of. */
function tileHash(data: Uint8Array): Hash {
  if (data.length === 0) bug('tileHash');
  if (data.length === HASH_SIZE) return data.slice();
  const half = data.length / 2;
  return hashChildren(tileHash(data.subarray(0, half)), tileHash(data.subarray(half)));
}

/**
 * The hash at a stored index, from the data of tile t, which must be `tileForIndex(t.height, index)` or a wider
 * version of it.
 */
export function hashFromTile(t: Tile, data: Uint8Array, index: StoredHashIndex): Hash {
  assertHeight(t.height);
  if (t.level < 0 || t.level >= 64 || t.width < 1 || t.width > pow2(t.height)) throw new RangeError('invalid tile');
  if (data.length < t.width * HASH_SIZE) throw new RangeError('tile data too short');
  const { tile, start, end } = tileForIndexRange(t.height, index);
  if (t.level !== tile.level || t.n !== tile.n || t.width < tile.width) {
    throw new RangeError(`stored index ${index} is not in tile ${t.level}/${t.n}`);
  }
  return tileHash(data.subarray(start, end));
}

/** Stored indexes of the hashes in tile t (the `width` hashes at tree level `level * height`). */
export function tileIndexes(t: Tile): StoredHashIndex[] {
  assertHeight(t.height);
  const start = t.n * pow2(t.height);
  const indexes: number[] = [];
  for (let i = 0; i < t.width; i++) indexes.push(storedHashIndex(t.height * t.level, start + i));
  return indexes;
}

function tileDataFromHashes(hashes: readonly Hash[]): Uint8Array {
  const data = new Uint8Array(hashes.length * HASH_SIZE);
  for (let i = 0; i < hashes.length; i++) data.set(hashes[i] as Hash, i * HASH_SIZE);
  return data;
}

/** The concatenated hashes of tile t, read through `reader`. */
export function readTileData(t: Tile, reader: HashReader): Uint8Array {
  const indexes = tileIndexes(t);
  const hashes = reader.readHashes(indexes);
  checkHashes(hashes, indexes.length);
  return tileDataFromHashes(hashes);
}

export async function readTileDataAsync(t: Tile, reader: AsyncHashReader): Promise<Uint8Array> {
  const indexes = tileIndexes(t);
  const hashes = await reader.readHashes(indexes);
  checkHashes(hashes, indexes.length);
  return tileDataFromHashes(hashes);
}

/** The tiles (full and partial) to publish when the tree grows from oldSize to newSize. */
export function newTiles(h: number, oldSize: number, newSize: number): Tile[] {
  assertHeight(h);
  assertUint(oldSize, 'old tree size');
  assertUint(newSize, 'new tree size');
  const tiles: Tile[] = [];
  const full = pow2(h);
  for (let level = 0; Math.floor(newSize / pow2(h * level)) > 0; level++) {
    const oldN = Math.floor(oldSize / pow2(h * level));
    const newN = Math.floor(newSize / pow2(h * level));
    if (oldN === newN) continue;
    for (let n = Math.floor(oldN / full); n < Math.floor(newN / full); n++) {
      tiles.push({ height: h, level, n, width: full });
    }
    const n = Math.floor(newN / full);
    const width = newN - n * full;
    if (width > 0) tiles.push({ height: h, level, n, width });
  }
  return tiles;
}

function formatTileN(n: number): string {
  let s = String(n % 1000).padStart(3, '0');
  for (let m = Math.floor(n / 1000); m > 0; m = Math.floor(m / 1000)) s = `x${String(m % 1000).padStart(3, '0')}/${s}`;
  return s;
}

/** C2SP tlog-tiles path of a hash tile: `tile/<L>/<N>[.p/<W>]` (height 8 only; N as x001/x234/067). */
export function tilePath(t: Tile): string {
  if (t.height !== TILE_HEIGHT) throw new RangeError('C2SP tile paths are defined for height 8 only');
  assertUint(t.level, 'tile level');
  assertUint(t.n, 'tile number');
  if (t.level > 63 || t.width < 1 || t.width > 256) throw new RangeError('invalid tile');
  return `tile/${t.level}/${formatTileN(t.n)}${t.width < 256 ? `.p/${t.width}` : ''}`;
}

/** C2SP tlog-tiles path of an entry bundle: `tile/entries/<N>[.p/<W>]`. */
export function entryBundlePath(n: number, width = 256): string {
  assertUint(n, 'bundle number');
  if (!Number.isInteger(width) || width < 1 || width > 256) throw new RangeError('invalid bundle width');
  return `tile/entries/${formatTileN(n)}${width < 256 ? `.p/${width}` : ''}`;
}

/** Parses a C2SP hash-tile path (`tile/<L>/<N>[.p/<W>]`); null if malformed or not canonical. */
export function parseTilePath(path: string): Tile | null {
  const m = /^tile\/(0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (!m) return null;
  const level = Number(m[1]);
  let n = 0;
  for (const part of (m[2] as string).split('/')) n = n * 1000 + Number(part.replace('x', ''));
  const width = m[3] === undefined ? 256 : Number(m[3]);
  if (level > 63 || width < 1 || width > 256 || (m[3] !== undefined && width === 256) || !Number.isSafeInteger(n)) {
    return null;
  }
  const tile: Tile = { height: TILE_HEIGHT, level, n, width };
  return tilePath(tile) === path ? tile : null;
}

/** C2SP entry bundle: a sequence of big-endian uint16 length-prefixed entries. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let len = 0;
  for (const e of entries) {
    if (e.length > 0xffff) throw new RangeError('entry longer than 65535 bytes');
    len += 2 + e.length;
  }
  const out = new Uint8Array(len);
  let off = 0;
  for (const e of entries) {
    out[off] = e.length >> 8;
    out[off + 1] = e.length & 0xff;
    out.set(e, off + 2);
    off += 2 + e.length;
  }
  return out;
}

/** Splits a C2SP entry bundle; null if it is truncated. */
export function parseEntryBundle(data: Uint8Array): Uint8Array[] | null {
  const entries: Uint8Array[] = [];
  let off = 0;
  while (off < data.length) {
    if (off + 2 > data.length) return null;
    const len = ((data[off] as number) << 8) | (data[off + 1] as number);
    if (off + 2 + len > data.length) return null;
    entries.push(data.slice(off + 2, off + 2 + len));
    off += 2 + len;
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// In-memory storage

/**
 * An in-memory, append-only stored-hash sequence: the reference `HashReader` for tests and benchmarks, and the model
 * the database storage follows (row i = stored hash i).
 */
export class MemoryHashStore implements HashReader {
  private buf = new Uint8Array(HASH_SIZE * 1024);
  private count = 0;
  private leaves = 0;
  /** Number of `readHashes` calls and hashes read, for tests that check O(log n) access. */
  readCalls = 0;
  hashesRead = 0;

  /** Number of leaves. */
  get size(): number {
    return this.leaves;
  }

  /** Number of stored hashes (always `storedHashCount(size)`). */
  get hashCount(): number {
    return this.count;
  }

  readHashes(indexes: readonly StoredHashIndex[]): Hash[] {
    this.readCalls++;
    this.hashesRead += indexes.length;
    return indexes.map((x) => {
      if (!Number.isSafeInteger(x) || x < 0 || x >= this.count) throw new RangeError(`no stored hash ${x}`);
      return this.buf.slice(x * HASH_SIZE, (x + 1) * HASH_SIZE);
    });
  }

  private push(h: Hash): void {
    if (h.length !== HASH_SIZE) bug('MemoryHashStore.push');
    if ((this.count + 1) * HASH_SIZE > this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf.set(h, this.count * HASH_SIZE);
    this.count++;
  }

  /** Appends a leaf by its leaf hash; returns its index. */
  appendLeafHash(leafHash: Hash): number {
    const n = this.leaves;
    for (const h of storedHashes(n, leafHash, this)) this.push(h);
    this.leaves++;
    return n;
  }

  /** Appends a leaf by its entry bytes; returns its index. */
  append(entry: Uint8Array): number {
    return this.appendLeafHash(hashLeaf(entry));
  }

  /** Appends a batch (one frontier read); returns the `AppendResult`. */
  appendBatch(leafHashes: readonly Hash[]): AppendResult {
    const result = appendLeafHashes(this.leaves, leafHashes, this);
    if (result.startIndex !== this.count) bug('appendBatch');
    for (const h of result.hashes) this.push(h);
    this.leaves = result.size;
    return result;
  }

  rootHash(size: number = this.leaves): Hash {
    this.checkSize(size);
    return treeHash(size, this);
  }

  inclusionProof(index: number, size: number = this.leaves): Hash[] {
    this.checkSize(size);
    return proveRecord(size, index, this);
  }

  consistencyProof(size1: number, size2: number = this.leaves): Hash[] {
    this.checkSize(size2);
    return proveTree(size2, size1, this);
  }

  private checkSize(size: number): void {
    assertUint(size, 'tree size');
    if (size > this.leaves) throw new RangeError(`tree size ${size} is beyond the stored ${this.leaves} leaves`);
  }
}

// ---------------------------------------------------------------------------------------------------------------

function assertHash(h: Hash, what: string): void {
  if (!isHash(h)) throw new RangeError(`${what} must be a 32-byte hash`);
}

function checkHashes(hashes: readonly Hash[], want: number): void {
  if (!Array.isArray(hashes) || hashes.length !== want) {
    throw new HashReaderError(`expected ${want} stored hashes, got ${Array.isArray(hashes) ? hashes.length : 'none'}`);
  }
  for (const h of hashes) {
    if (!isHash(h)) throw new HashReaderError('a stored hash is not 32 bytes');
  }
}
