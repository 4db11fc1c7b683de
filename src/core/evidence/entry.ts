/**
 * The evidence log's leaf entry: what the Merkle tree commits to for one submission.
 *
 *   shangmi-evidence/v1\n
 *   <algorithm>\n                 sha256 | sm3
 *   <digest, lowercase hex>\n     the file digest the firm computed locally
 *   <base64 commitment>\n         SHA-256(salt || canonical JSON of the submission metadata)
 *
 * The log therefore names no firm and no file: the metadata (unit name, credit code, label, …) appears only as a
 * salted hash. The server keeps the 32-byte random salt and the metadata, and hands both to the firm inside its proof
 * bundle, so the firm (or a judge) can recompute the commitment and the leaf hash offline. Without the salt, the
 * commitment cannot be brute-forced from guessable metadata.
 *
 * Canonical JSON is RFC 8785 (JCS) for the JSON values used here: object keys sorted by UTF-16 code units, no
 * whitespace, ECMAScript number and string serialization.
 * Pure: no I/O (node:crypto for SHA-256 and the random salt).
 */
import { randomBytes } from 'node:crypto';
import { bytesEqual, decodeUtf8, fromBase64, fromHex, hasLoneSurrogate, sha256, toBase64, utf8 } from './encoding';
import { type Hash, hashLeaf } from './merkle';

export const ENTRY_HEADER = 'shangmi-evidence/v1';

/** Digest algorithms the log accepts, with their digest sizes in bytes. */
export const DIGEST_ALGORITHMS = { sha256: 32, sm3: 32 } as const;
export type DigestAlgorithm = keyof typeof DIGEST_ALGORITHMS;

export const SALT_SIZE = 32;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Suggested metadata for a submission (any JSON object is accepted). Everything here stays off the public log; it is
 * committed to by the salted hash only.
 */
export interface EvidenceMetadataV1 {
  [key: string]: JsonValue;
  /** Unit (firm) name. */
  unitName: string;
  /** Unified social credit code of the unit. */
  creditCode: string;
  /** The label the firm chose for the file. */
  label: string;
  /** Submission time, ISO 8601. */
  submittedAt: string;
}

export interface EvidenceEntry {
  algorithm: DigestAlgorithm;
  /** Lowercase hex digest of the file. */
  digest: string;
  /** SHA-256(salt || canonical metadata JSON), 32 bytes. */
  commitment: Uint8Array;
}

export class EntryError extends Error {
  override name = 'EntryError';
}

/** Maps user-facing spellings (SHA-256, sha-256, SM3, …) to the canonical algorithm name, or null. */
export function parseDigestAlgorithm(name: string): DigestAlgorithm | null {
  const n = name.trim().toLowerCase().replace(/[-_]/g, '');
  return n === 'sha256' || n === 'sm3' ? n : null;
}

/** Validates a hex digest for the algorithm and returns it in lowercase; throws EntryError. */
export function normalizeDigest(algorithm: DigestAlgorithm, digest: string): string {
  if (!Object.hasOwn(DIGEST_ALGORITHMS, algorithm))
    throw new EntryError(`unsupported digest algorithm ${String(algorithm)}`);
  const size = DIGEST_ALGORITHMS[algorithm];
  const bytes = typeof digest === 'string' ? fromHex(digest) : null;
  if (bytes === null || bytes.length !== size) {
    throw new EntryError(`a ${algorithm} digest must be ${size * 2} hex characters`);
  }
  return digest.toLowerCase();
}

/** RFC 8785 canonical JSON of a JSON value. Throws EntryError on values JSON cannot represent. */
export function canonicalJson(value: JsonValue): string {
  return canon(value, 0);
}

function canon(value: unknown, depth: number): string {
  if (depth > 64) throw new EntryError('metadata nested too deeply');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new EntryError('metadata numbers must be finite');
      return JSON.stringify(value);
    case 'string':
      if (hasLoneSurrogate(value)) throw new EntryError('metadata strings must be well-formed Unicode');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canon(v, depth + 1)).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new EntryError('metadata objects must be plain objects');
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      const parts: string[] = [];
      for (const k of keys) {
        if (obj[k] === undefined) throw new EntryError(`metadata field ${JSON.stringify(k)} is undefined`);
        if (hasLoneSurrogate(k)) throw new EntryError('metadata keys must be well-formed Unicode');
        parts.push(`${JSON.stringify(k)}:${canon(obj[k], depth + 1)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new EntryError(`metadata cannot contain a ${typeof value}`);
  }
}

/** A fresh random 32-byte salt. */
export function newSalt(): Uint8Array {
  return new Uint8Array(randomBytes(SALT_SIZE));
}

/** SHA-256(salt || canonical JSON of metadata). The salt must be 32 bytes. */
export function metadataCommitment(salt: Uint8Array, metadata: JsonObject): Uint8Array {
  if (!(salt instanceof Uint8Array) || salt.length !== SALT_SIZE) throw new EntryError('salt must be 32 bytes');
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new EntryError('metadata must be a JSON object');
  }
  return sha256(salt, utf8(canonicalJson(metadata)));
}

/** Encodes a leaf entry (see the module comment). */
export function encodeEntry(entry: EvidenceEntry): Uint8Array {
  const digest = normalizeDigest(entry.algorithm, entry.digest);
  if (!(entry.commitment instanceof Uint8Array) || entry.commitment.length !== 32) {
    throw new EntryError('commitment must be 32 bytes');
  }
  return utf8(`${ENTRY_HEADER}\n${entry.algorithm}\n${digest}\n${toBase64(entry.commitment)}\n`);
}

/** Parses a leaf entry; only the exact canonical encoding is accepted. Throws EntryError. */
export function parseEntry(bytes: Uint8Array | string): EvidenceEntry {
  const text = typeof bytes === 'string' ? bytes : decodeUtf8(bytes);
  if (text === null) throw new EntryError('entry is not UTF-8');
  const lines = text.split('\n');
  if (lines.length !== 5 || lines[4] !== '' || lines[0] !== ENTRY_HEADER) {
    throw new EntryError(`entry must be four lines starting with ${ENTRY_HEADER}`);
  }
  const [, alg, digest, commitment64] = lines as [string, string, string, string, string];
  if (!Object.hasOwn(DIGEST_ALGORITHMS, alg))
    throw new EntryError(`unsupported digest algorithm ${JSON.stringify(alg)}`);
  const algorithm = alg as DigestAlgorithm;
  if (normalizeDigest(algorithm, digest) !== digest) throw new EntryError('entry digest must be lowercase hex');
  const commitment = fromBase64(commitment64);
  if (commitment === null || commitment.length !== 32) throw new EntryError('entry commitment malformed');
  return { algorithm, digest, commitment };
}

export interface EvidenceSubmission {
  /** Digest algorithm; user-facing spellings such as "SHA-256" or "SM3" are accepted. */
  algorithm: DigestAlgorithm | string;
  /** Hex digest of the file (either case). */
  digest: string;
  /** 32-byte salt kept by the server (use `newSalt()`). */
  salt: Uint8Array;
  /** Metadata committed to (not published). */
  metadata: JsonObject;
}

export interface BuiltEntry extends EvidenceEntry {
  /** The leaf entry bytes to append to the log. */
  entry: Uint8Array;
  /** RFC 6962 leaf hash of `entry`. */
  leafHash: Hash;
}

/** Builds the leaf entry and its leaf hash for a submission. Throws EntryError. */
export function buildEntry(submission: EvidenceSubmission): BuiltEntry {
  const algorithm = parseDigestAlgorithm(submission.algorithm);
  if (algorithm === null) throw new EntryError(`unsupported digest algorithm ${JSON.stringify(submission.algorithm)}`);
  const digest = normalizeDigest(algorithm, submission.digest);
  const commitment = metadataCommitment(submission.salt, submission.metadata);
  const entry = encodeEntry({ algorithm, digest, commitment });
  return { algorithm, digest, commitment, entry, leafHash: hashLeaf(entry) };
}

/** True if the entry commits to this salt and metadata. */
export function entryCommitsTo(entry: EvidenceEntry, salt: Uint8Array, metadata: JsonObject): boolean {
  try {
    return bytesEqual(entry.commitment, metadataCommitment(salt, metadata));
  } catch {
    return false;
  }
}
