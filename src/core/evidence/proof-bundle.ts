/**
 * C2SP tlog-proof (https://c2sp.org/tlog-proof): a self-contained, offline-verifiable proof that an entry is in the
 * evidence log, stored as a `.tlog-proof` file.
 *
 *   c2sp.org/tlog-proof@v1\n
 *   [extra <base64 opaque data>\n]
 *   index <decimal>\n
 *   <base64 inclusion proof hash>\n        zero or more, leaf sibling first (RFC 6962 section 2.1.1 order)
 *   \n
 *   <signed checkpoint note, verbatim>
 *
 * For the evidence log, `extra` carries what the firm needs to rebuild the leaf entry offline (see ./entry): the
 * digest algorithm, the digest, the 32-byte salt and the metadata, plus optionally the RFC 3161 timestamp token of the
 * checkpoint. The extra data is not authenticated by itself; it is authenticated transitively, because the entry
 * rebuilt from it must be the leaf the inclusion proof binds to the signed checkpoint.
 *
 * Verification returns each check separately so a UI or CLI can show them one by one.
 * Pure: no I/O.
 */
import { type Checkpoint, parseCheckpoint } from './checkpoint';
import { bytesEqual, decodeUtf8, fromBase64, parseDecimal, toBase64, utf8 } from './encoding';
import {
  type BuiltEntry,
  buildEntry,
  canonicalJson,
  type DigestAlgorithm,
  type JsonObject,
  normalizeDigest,
  parseDigestAlgorithm,
} from './entry';
import { HASH_SIZE, type Hash, hashLeaf, isHash, verifyConsistency, verifyInclusion } from './merkle';
import {
  InvalidSignatureError,
  type NoteVerifier,
  openNote,
  parseNote,
  parseVerifierKey,
  UnverifiedNoteError,
} from './note';
import { checkCheckpointTimestamp } from './timestamp-token';

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

/** Suggested file extension (the spec's SHOULD). */
export const TLOG_PROOF_EXTENSION = '.tlog-proof';

/** An inclusion proof never needs more hashes than the tree has levels. */
const MAX_PROOF_HASHES = 64;

export interface TlogProof {
  /** Optional opaque extra data (unauthenticated). */
  extra?: Uint8Array;
  /** Zero-based index of the entry. */
  index: number;
  /** RFC 9162 inclusion proof of the entry in the checkpoint's tree. */
  inclusionProof: Hash[];
  /** The signed checkpoint note, verbatim (ends in a newline). */
  checkpoint: string;
}

export class BundleError extends Error {
  override name = 'BundleError';
}

/** Formats a tlog-proof. */
export function formatTlogProof(p: TlogProof): string {
  if (!Number.isSafeInteger(p.index) || p.index < 0) throw new BundleError('index must be a non-negative integer');
  if (!p.inclusionProof.every(isHash)) throw new BundleError('inclusion proof hashes must be 32 bytes');
  if (p.inclusionProof.length > MAX_PROOF_HASHES) throw new BundleError('inclusion proof too long');
  if (typeof p.checkpoint !== 'string' || !p.checkpoint.endsWith('\n') || p.checkpoint.startsWith('\n')) {
    throw new BundleError('checkpoint must be a signed note ending in a newline');
  }
  let out = `${TLOG_PROOF_HEADER}\n`;
  if (p.extra !== undefined) out += `extra ${toBase64(p.extra)}\n`;
  out += `index ${p.index}\n`;
  for (const h of p.inclusionProof) out += `${toBase64(h)}\n`;
  return `${out}\n${p.checkpoint}`;
}

/** Parses a tlog-proof. Throws BundleError on anything malformed. */
export function parseTlogProof(input: string | Uint8Array): TlogProof {
  const text = typeof input === 'string' ? input : decodeUtf8(input);
  if (text === null) throw new BundleError('proof is not UTF-8');
  if (text.includes('\r')) throw new BundleError('proof lines must end in LF, not CRLF');
  let pos = 0;
  const nextLine = (): string => {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) throw new BundleError('proof is truncated');
    const line = text.slice(pos, nl);
    pos = nl + 1;
    return line;
  };
  if (nextLine() !== TLOG_PROOF_HEADER) throw new BundleError(`proof must start with ${TLOG_PROOF_HEADER}`);
  let line = nextLine();
  let extra: Uint8Array | undefined;
  if (line.startsWith('extra ')) {
    const decoded = fromBase64(line.slice('extra '.length));
    if (decoded === null) throw new BundleError('extra data is not valid base64');
    extra = decoded;
    line = nextLine();
  }
  const m = /^index (\S+)$/.exec(line);
  const index = m ? parseDecimal(m[1] as string) : null;
  if (index === null) throw new BundleError('expected "index N" with a canonical decimal N');
  const inclusionProof: Hash[] = [];
  for (line = nextLine(); line !== ''; line = nextLine()) {
    const h = fromBase64(line);
    if (h === null || h.length !== HASH_SIZE) throw new BundleError('inclusion proof line is not a base64 hash');
    if (inclusionProof.length === MAX_PROOF_HASHES) throw new BundleError('inclusion proof too long');
    inclusionProof.push(h);
  }
  const checkpoint = text.slice(pos);
  if (checkpoint === '') throw new BundleError('proof has no checkpoint');
  const proof: TlogProof = { index, inclusionProof, checkpoint };
  if (extra !== undefined) proof.extra = extra;
  return proof;
}

// ---------------------------------------------------------------------------------------------------------------
// Generic verification

export type CheckStatus = 'pass' | 'fail' | 'skipped';

export interface CheckResult {
  status: CheckStatus;
  /**
   * Short Chinese explanation with the figures, shown as is by the public verify page and the CLI (the check's
   * name is labelled by `EvidenceCheck` in src/shared/enums.ts). A parser's own (English) error stays out of it.
   */
  detail: string;
}

export type LeafInput = { entry: Uint8Array | string } | { leafHash: Hash };

export interface VerifyBundleOptions {
  /** The expected checkpoint origin; defaults to the verifier key's name. */
  origin?: string;
  /** A later signed checkpoint (e.g. the log's latest) and the consistency proof from the bundle's tree to it. */
  latest?: { checkpoint: string; consistencyProof: readonly Hash[] };
}

export interface BundleChecks {
  /** The bundle and its checkpoint are well formed. */
  format: CheckResult;
  /** The verifier key is usable. */
  key: CheckResult;
  /** The checkpoint is signed by the verifier key. */
  signature: CheckResult;
  /** The checkpoint's origin is the expected log. */
  origin: CheckResult;
  /** The leaf is at `index` in the checkpoint's tree. */
  inclusion: CheckResult;
  /** The bundle's checkpoint is consistent with the later checkpoint (skipped if none was given). */
  consistency: CheckResult;
}

export interface BundleVerification {
  /** True when every check passed (consistency may be skipped). */
  ok: boolean;
  checks: BundleChecks;
  proof?: TlogProof;
  checkpoint?: Checkpoint;
  leafHash?: Hash;
  /** The later checkpoint, if one was given and could be parsed. */
  latestCheckpoint?: Checkpoint;
}

const pass = (detail: string): CheckResult => ({ status: 'pass', detail });
const fail = (detail: string): CheckResult => ({ status: 'fail', detail });
const skipped = (detail: string): CheckResult => ({ status: 'skipped', detail });

/** "SHA-256", "SM3": the digest algorithms as people write them. */
function algorithmName(algorithm: string): string {
  return algorithm === 'sm3' ? 'SM3' : algorithm === 'sha256' ? 'SHA-256' : algorithm;
}

/** Parses the checkpoint body of a signed note without verifying signatures. */
function checkpointOf(signedNote: string): Checkpoint {
  return parseCheckpoint(parseNote(signedNote).text);
}

function signatureCheck(signedNote: string, verifier: NoteVerifier): CheckResult {
  try {
    openNote(signedNote, verifier);
    return pass(`由日志公钥 ${verifier.name} 签名`);
  } catch (e) {
    if (e instanceof UnverifiedNoteError) return fail(`没有日志公钥 ${verifier.name} 的签名`);
    if (e instanceof InvalidSignatureError) return fail(`日志公钥 ${verifier.name} 的签名无效`);
    return fail('检查点签名无法核验');
  }
}

function resolveLeafHash(leaf: LeafInput): Hash | null {
  if ('leafHash' in leaf) return isHash(leaf.leafHash) ? leaf.leafHash : null;
  return hashLeaf(typeof leaf.entry === 'string' ? utf8(leaf.entry) : leaf.entry);
}

/**
 * Verifies a tlog-proof for a given leaf (its entry bytes or its leaf hash) against the log's verifier key
 * (a vkey string or a NoteVerifier). Never throws; every check is reported separately.
 */
export function verifyBundle(
  bundle: string | Uint8Array | TlogProof,
  leaf: LeafInput,
  verifierKey: string | NoteVerifier,
  options: VerifyBundleOptions = {},
): BundleVerification {
  const checks: BundleChecks = {
    format: skipped(''),
    key: skipped(''),
    signature: skipped('未检查'),
    origin: skipped('未检查'),
    inclusion: skipped('未检查'),
    consistency: skipped('未提供更新的检查点'),
  };
  const result: BundleVerification = { ok: false, checks };

  let verifier: NoteVerifier | null = null;
  try {
    verifier = typeof verifierKey === 'string' ? parseVerifierKey(verifierKey) : verifierKey;
    checks.key = pass(`公钥 ${verifier.name}+${verifier.keyId.toString(16).padStart(8, '0')}`);
  } catch {
    checks.key = fail('日志公钥格式不正确，无法使用');
  }

  let proof: TlogProof;
  let checkpoint: Checkpoint;
  try {
    proof = typeof bundle === 'object' && !(bundle instanceof Uint8Array) ? bundle : parseTlogProof(bundle);
    result.proof = proof;
    checkpoint = checkpointOf(proof.checkpoint);
    result.checkpoint = checkpoint;
    checks.format = pass(`日志序号 ${proof.index}，树大小 ${checkpoint.size}`);
  } catch {
    checks.format = fail('验证包格式不正确，无法解析');
    return result;
  }

  if (verifier !== null) {
    checks.signature = signatureCheck(proof.checkpoint, verifier);
    const expected = options.origin ?? verifier.name;
    checks.origin =
      checkpoint.origin === expected
        ? pass(`日志标识 ${checkpoint.origin}`)
        : fail(`检查点的日志标识“${checkpoint.origin}”不是“${expected}”`);
  }

  const leafHash = resolveLeafHash(leaf);
  if (leafHash === null) {
    checks.inclusion = fail('叶子哈希应为 32 字节');
  } else {
    result.leafHash = leafHash;
    if (proof.index >= checkpoint.size) {
      checks.inclusion = fail(`日志序号 ${proof.index} 不小于树大小 ${checkpoint.size}`);
    } else if (verifyInclusion(leafHash, proof.index, checkpoint.size, proof.inclusionProof, checkpoint.rootHash)) {
      checks.inclusion = pass(`第 ${proof.index} 号记录包含在大小为 ${checkpoint.size} 的日志树中`);
    } else {
      checks.inclusion = fail('包含证明与检查点的根哈希不符');
    }
  }

  if (options.latest !== undefined) {
    checks.consistency = consistencyCheck(checkpoint, options.latest, verifier, result);
  }

  result.ok =
    checks.format.status === 'pass' &&
    checks.key.status === 'pass' &&
    checks.signature.status === 'pass' &&
    checks.origin.status === 'pass' &&
    checks.inclusion.status === 'pass' &&
    checks.consistency.status !== 'fail';
  return result;
}

function consistencyCheck(
  checkpoint: Checkpoint,
  latest: { checkpoint: string; consistencyProof: readonly Hash[] },
  verifier: NoteVerifier | null,
  result: BundleVerification,
): CheckResult {
  let later: Checkpoint;
  try {
    later = checkpointOf(latest.checkpoint);
    result.latestCheckpoint = later;
  } catch {
    return fail('更新的检查点格式不正确');
  }
  if (verifier === null) return fail('没有可用的日志公钥，无法核验更新的检查点');
  const sig = signatureCheck(latest.checkpoint, verifier);
  if (sig.status !== 'pass') return fail(`更新的检查点：${sig.detail}`);
  if (later.origin !== checkpoint.origin) return fail('更新的检查点来自另一个日志');
  if (later.size < checkpoint.size) return fail(`更新的检查点的树更小（${later.size} < ${checkpoint.size}）`);
  if (later.size === checkpoint.size) {
    return latest.consistencyProof.length === 0 && bytesEqual(later.rootHash, checkpoint.rootHash)
      ? pass('与最新检查点为同一棵树')
      : fail('树大小相同但根哈希不同：日志出现了分叉');
  }
  return verifyConsistency(checkpoint.size, later.size, latest.consistencyProof, checkpoint.rootHash, later.rootHash)
    ? pass(`大小为 ${checkpoint.size} 的日志树是大小为 ${later.size} 的日志树的前缀`)
    : fail('一致性证明未通过');
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence bundles: the extra data and the evidence-specific checks

/** What the evidence log puts in a bundle's `extra` line. */
export interface EvidenceExtra {
  algorithm: DigestAlgorithm;
  /** Lowercase hex digest of the file. */
  digest: string;
  /** The 32-byte salt of the metadata commitment. */
  salt: Uint8Array;
  /** The committed metadata. */
  metadata: JsonObject;
  /**
   * DER RFC 3161 TimeStampResp/Token over SHA-256 of the checkpoint note. Required when the signed checkpoint
   * promises one (see ./timestamp-token); checked by `verifyEvidenceBundleWithTimestamp`.
   */
  tsaToken?: Uint8Array;
}

const EXTRA_VERSION = 1;

/** Encodes the evidence extra data as UTF-8 canonical JSON (base64 strings for binary fields). */
export function encodeEvidenceExtra(x: EvidenceExtra): Uint8Array {
  const algorithm = parseDigestAlgorithm(x.algorithm);
  if (algorithm === null) throw new BundleError('unsupported digest algorithm');
  const obj: JsonObject = {
    v: EXTRA_VERSION,
    algorithm,
    digest: normalizeDigest(algorithm, x.digest),
    salt: toBase64(x.salt),
    metadata: x.metadata,
  };
  if (x.tsaToken !== undefined) obj.tsaToken = toBase64(x.tsaToken);
  return utf8(canonicalJson(obj));
}

/** Parses the evidence extra data. Throws BundleError. */
export function parseEvidenceExtra(bytes: Uint8Array): EvidenceExtra {
  const text = decodeUtf8(bytes);
  let obj: unknown;
  try {
    obj = text === null ? null : JSON.parse(text);
  } catch {
    obj = null;
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new BundleError('extra data is not JSON');
  const o = obj as Record<string, unknown>;
  if (o.v !== EXTRA_VERSION) throw new BundleError('unknown extra data version');
  const algorithm = typeof o.algorithm === 'string' ? parseDigestAlgorithm(o.algorithm) : null;
  if (algorithm === null || algorithm !== o.algorithm) throw new BundleError('extra data: bad algorithm');
  if (typeof o.digest !== 'string') throw new BundleError('extra data: bad digest');
  let digest: string;
  try {
    digest = normalizeDigest(algorithm, o.digest);
  } catch {
    throw new BundleError('extra data: bad digest');
  }
  const salt = typeof o.salt === 'string' ? fromBase64(o.salt) : null;
  if (salt === null || salt.length !== 32) throw new BundleError('extra data: bad salt');
  const metadata = o.metadata;
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new BundleError('extra data: metadata must be an object');
  }
  const x: EvidenceExtra = { algorithm, digest, salt, metadata: metadata as JsonObject };
  if (o.tsaToken !== undefined) {
    const token = typeof o.tsaToken === 'string' ? fromBase64(o.tsaToken) : null;
    if (token === null) throw new BundleError('extra data: bad TSA token');
    x.tsaToken = token;
  }
  return x;
}

/** Builds the `.tlog-proof` text the firm downloads for one entry. */
export function buildEvidenceBundle(params: {
  index: number;
  inclusionProof: Hash[];
  /** The signed checkpoint note the proof is against. */
  checkpoint: string;
  evidence: EvidenceExtra;
}): string {
  return formatTlogProof({
    extra: encodeEvidenceExtra(params.evidence),
    index: params.index,
    inclusionProof: params.inclusionProof,
    checkpoint: params.checkpoint,
  });
}

export interface EvidenceBundleChecks extends BundleChecks {
  /** The extra data holds readable evidence fields. */
  extra: CheckResult;
  /** The digest of the file at hand equals the bundle's digest (skipped if no digest was given). */
  digest: CheckResult;
  /** The leaf entry could be rebuilt from the bundle's digest, salt and metadata. */
  entry: CheckResult;
}

export interface EvidenceBundleVerification extends BundleVerification {
  checks: EvidenceBundleChecks;
  evidence?: EvidenceExtra;
  entry?: BuiltEntry;
}

/**
 * Verifies an evidence bundle end to end: rebuilds the leaf entry from the extra data (salted metadata commitment),
 * compares the bundle's digest with the digest of the file at hand (`claimed`, e.g. computed locally in the browser;
 * pass null to skip), and runs `verifyBundle` on the rebuilt entry. Never throws.
 */
export function verifyEvidenceBundle(
  bundle: string | Uint8Array,
  claimed: { algorithm: string; digest: string } | null,
  verifierKey: string | NoteVerifier,
  options: VerifyBundleOptions = {},
): EvidenceBundleVerification {
  const extraChecks = {
    extra: skipped('未检查'),
    digest: skipped(claimed === null ? '未提供文件或其摘要' : '未检查'),
    entry: skipped('未检查'),
  };
  let proof: TlogProof;
  try {
    proof = parseTlogProof(bundle);
  } catch {
    const base = verifyBundle(bundle, { leafHash: new Uint8Array(0) }, verifierKey, options);
    base.checks.format = fail('验证包格式不正确，无法解析');
    return { ...base, ok: false, checks: { ...base.checks, ...extraChecks } };
  }

  let evidence: EvidenceExtra | undefined;
  let entry: BuiltEntry | undefined;
  if (proof.extra === undefined) {
    extraChecks.extra = fail('验证包中没有存证信息');
  } else {
    try {
      evidence = parseEvidenceExtra(proof.extra);
      extraChecks.extra = pass('存证信息可读');
    } catch {
      extraChecks.extra = fail('存证信息格式不正确');
    }
  }
  if (evidence !== undefined) {
    try {
      entry = buildEntry({
        algorithm: evidence.algorithm,
        digest: evidence.digest,
        salt: evidence.salt,
        metadata: evidence.metadata,
      });
      extraChecks.entry = pass('已由文件摘要、盐值和存证信息重建日志条目');
    } catch {
      extraChecks.entry = fail('无法由存证信息重建日志条目');
    }
    if (claimed !== null) {
      const alg = parseDigestAlgorithm(claimed.algorithm);
      let same = false;
      if (alg === evidence.algorithm) {
        try {
          same = normalizeDigest(alg, claimed.digest) === evidence.digest;
        } catch {
          same = false;
        }
      }
      extraChecks.digest = same
        ? pass(`文件的 ${algorithmName(evidence.algorithm)} 摘要与存证一致`)
        : fail(
            `文件的 ${algorithmName(claimed.algorithm)} 摘要与存证的 ${algorithmName(evidence.algorithm)} 摘要不一致`,
          );
    }
  }

  const base = verifyBundle(
    proof,
    entry ? { entry: entry.entry } : { leafHash: new Uint8Array(0) },
    verifierKey,
    options,
  );
  if (entry === undefined) base.checks.inclusion = fail('存证信息不可用，无法检查包含证明');
  const checks: EvidenceBundleChecks = { ...base.checks, ...extraChecks };
  const out: EvidenceBundleVerification = {
    ...base,
    checks,
    ok: base.ok && checks.extra.status === 'pass' && checks.entry.status === 'pass' && checks.digest.status !== 'fail',
  };
  if (evidence !== undefined) out.evidence = evidence;
  if (entry !== undefined) out.entry = entry;
  return out;
}

export interface TimestampedBundleChecks extends EvidenceBundleChecks {
  /** The RFC 3161 token over the checkpoint (see ./timestamp-token). */
  timestamp: CheckResult;
}

export interface TimestampedBundleVerification extends EvidenceBundleVerification {
  checks: TimestampedBundleChecks;
  /** The TSA's time, when the timestamp check passed. */
  timestampTime?: Date;
}

/**
 * `verifyEvidenceBundle` plus the checkpoint's RFC 3161 token: the one verification the CLI, the server's verify
 * endpoint and the offline verifier page run. `trustedTsaCertificate` (PEM or DER) additionally pins the TSA; without
 * it the TSA is the one the signed checkpoint names. A failed timestamp check fails the bundle. Never throws.
 */
export async function verifyEvidenceBundleWithTimestamp(
  bundle: string | Uint8Array,
  claimed: { algorithm: string; digest: string } | null,
  verifierKey: string | NoteVerifier,
  options: VerifyBundleOptions & { trustedTsaCertificate?: string | Uint8Array } = {},
): Promise<TimestampedBundleVerification> {
  const { trustedTsaCertificate, ...bundleOptions } = options;
  const result = verifyEvidenceBundle(bundle, claimed, verifierKey, bundleOptions);
  let timestamp: CheckResult;
  let time: Date | undefined;
  if (result.proof === undefined || result.checkpoint === undefined) {
    timestamp = skipped('验证包无法解析，未检查时间戳');
  } else if (result.checks.signature.status !== 'pass') {
    // The promise of a token is only as good as the checkpoint's signature.
    timestamp = skipped('检查点签名未通过，未检查时间戳');
  } else {
    const check = await checkCheckpointTimestamp(
      result.proof.checkpoint,
      result.checkpoint,
      result.evidence?.tsaToken,
      trustedTsaCertificate,
    );
    timestamp = { status: check.status, detail: check.detail };
    time = check.genTime;
  }
  const out: TimestampedBundleVerification = {
    ...result,
    checks: { ...result.checks, timestamp },
    ok: result.ok && timestamp.status !== 'fail',
  };
  if (time !== undefined && timestamp.status === 'pass') out.timestampTime = time;
  return out;
}
