/**
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 keys, compatible with Go's
 * golang.org/x/mod/sumdb/note.
 *
 *   text (ending in "\n")
 *   "\n"
 *   "— <key name> <base64(4-byte big-endian key ID || signature)>\n"   (one or more)
 *
 * Key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4], read big-endian.
 * Verifier key ("vkey"): `<name>+<hex key ID>+<base64(0x01 || public key)>`.
 * Signer key (Go's private encoding, for keeping the key in a file): `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 ||
 * 32-byte seed)>`.
 *
 * Pure: no I/O (node:crypto Ed25519 and SHA-256).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { concatBytes, decodeUtf8, fromBase64, hasLoneSurrogate, sha256, toBase64, utf8 } from './encoding';

/** Signature type identifier byte of Ed25519 in signed notes. */
export const ALG_ED25519 = 0x01;

/** Go accepts at most 100 signatures per note; the spec requires accepting at least 16. */
export const MAX_NOTE_SIGNATURES = 100;

/** Upper bound on the size of a note we are willing to parse (bytes of UTF-8). */
export const MAX_NOTE_BYTES = 1_000_000;

export interface NoteVerifier {
  readonly name: string;
  /** The 32-bit key ID (unsigned). */
  readonly keyId: number;
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  /** The raw 32-byte Ed25519 public key, to publish as a verifier key. */
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** A signature line found in a note. */
export interface NoteSignature {
  name: string;
  keyId: number;
  /** The base64 text of the signature line (key ID and signature). */
  base64: string;
}

export interface Note {
  /** The signed text, including its final newline. */
  text: string;
  /** Signatures by known keys, all verified. */
  sigs: NoteSignature[];
  /** Signatures by unknown keys (ignored, as the spec requires). */
  unverifiedSigs: NoteSignature[];
}

export class NoteError extends Error {
  override name = 'NoteError';
}

/** The note, a key string or a signer/verifier is not well formed. */
export class MalformedNoteError extends NoteError {
  override name = 'MalformedNoteError';
  constructor(message = 'malformed note') {
    super(message);
  }
}

/** The note is well formed but no known key signed it. The unverified note is attached. */
export class UnverifiedNoteError extends NoteError {
  override name = 'UnverifiedNoteError';
  constructor(readonly note: Note) {
    super('note has no verifiable signatures');
  }
}

/** A known key's signature did not verify: the whole note is rejected. */
export class InvalidSignatureError extends NoteError {
  override name = 'InvalidSignatureError';
  constructor(
    readonly keyName: string,
    readonly keyId: number,
  ) {
    super(`invalid signature for key ${keyName}+${hex32(keyId)}`);
  }
}

/** Two configured verifiers share both name and key ID. */
export class AmbiguousVerifierError extends NoteError {
  override name = 'AmbiguousVerifierError';
  constructor(
    readonly keyName: string,
    readonly keyId: number,
  ) {
    super(`ambiguous key ${keyName}+${hex32(keyId)}`);
  }
}

function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------------------------
// Names and key IDs

/**
 * A key name must be non-empty, contain no Unicode white space (Go's unicode.IsSpace, i.e. the White_Space property)
 * and no "+", be well-formed Unicode, and — since a note may contain no control characters other than newline — no
 * character below U+0020.
 */
export function isValidKeyName(name: string): boolean {
  return (
    typeof name === 'string' &&
    name !== '' &&
    !/[\p{White_Space}+]/u.test(name) &&
    !hasControlChar(name, false) &&
    !hasLoneSurrogate(name)
  );
}

/** Key ID = first 4 bytes (big-endian) of SHA-256(name || 0x0A || 0x01 || public key). */
export function noteKeyId(name: string, publicKey: Uint8Array): number {
  if (publicKey.length !== 32) throw new RangeError('Ed25519 public key must be 32 bytes');
  return keyIdForEncodedKey(name, concatBytes(Uint8Array.of(ALG_ED25519), publicKey));
}

function keyIdForEncodedKey(name: string, encodedKey: Uint8Array): number {
  const h = sha256(utf8(name), Uint8Array.of(0x0a), encodedKey);
  return (((h[0] as number) << 24) | ((h[1] as number) << 16) | ((h[2] as number) << 8) | (h[3] as number)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Ed25519 key handling with node:crypto

const PKCS8_ED25519_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);
const SPKI_ED25519_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new RangeError('Ed25519 private key seed must be 32 bytes');
  return createPrivateKey({ key: Buffer.from(concatBytes(PKCS8_ED25519_PREFIX, seed)), format: 'der', type: 'pkcs8' });
}

function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError('Ed25519 public key must be 32 bytes');
  return createPublicKey({ key: Buffer.from(concatBytes(SPKI_ED25519_PREFIX, raw)), format: 'der', type: 'spki' });
}

function assertEd25519(key: KeyObject, type: 'private' | 'public'): void {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new RangeError(`expected an Ed25519 ${type} key, got ${key.asymmetricKeyType ?? key.type} ${key.type}`);
  }
}

/** The raw 32-byte public key of an Ed25519 public or private KeyObject. */
export function rawEd25519PublicKey(key: KeyObject): Uint8Array {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  assertEd25519(pub, 'public');
  const der = new Uint8Array(pub.export({ format: 'der', type: 'spki' }));
  return der.slice(SPKI_ED25519_PREFIX.length);
}

/** The raw 32-byte seed of an Ed25519 private KeyObject. */
export function rawEd25519Seed(key: KeyObject): Uint8Array {
  assertEd25519(key, 'private');
  const der = new Uint8Array(key.export({ format: 'der', type: 'pkcs8' }));
  return der.slice(PKCS8_ED25519_PREFIX.length);
}

/** A signer for key `name`, from a raw 32-byte Ed25519 seed (RFC 8032 private key) or a private KeyObject. */
export function createNoteSigner(name: string, privateKey: Uint8Array | KeyObject): NoteSigner {
  if (!isValidKeyName(name)) throw new MalformedNoteError(`invalid key name ${JSON.stringify(name)}`);
  let key: KeyObject;
  if (privateKey instanceof Uint8Array) {
    key = privateKeyFromSeed(privateKey);
  } else {
    assertEd25519(privateKey, 'private');
    key = privateKey;
  }
  const publicKey = rawEd25519PublicKey(key);
  const keyId = noteKeyId(name, publicKey);
  return {
    name,
    keyId,
    publicKey,
    sign: (message) => new Uint8Array(sign(null, message, key)),
  };
}

/** A verifier for key `name`, from a raw 32-byte Ed25519 public key or a public KeyObject. */
export function createNoteVerifier(name: string, publicKey: Uint8Array | KeyObject): NoteVerifier {
  if (!isValidKeyName(name)) throw new MalformedNoteError(`invalid key name ${JSON.stringify(name)}`);
  let key: KeyObject;
  let raw: Uint8Array;
  if (publicKey instanceof Uint8Array) {
    raw = publicKey.slice();
    key = publicKeyFromRaw(raw);
  } else {
    assertEd25519(publicKey, 'public');
    key = publicKey;
    raw = rawEd25519PublicKey(key);
  }
  return {
    name,
    keyId: noteKeyId(name, raw),
    publicKey: raw,
    verify: (message, signature) => {
      if (signature.length !== 64) return false;
      try {
        return verify(null, message, key, signature);
      } catch {
        return false;
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Key strings

/** Encodes a verifier key: `name+<8 hex>+base64(0x01 || public key)`. */
export function encodeVerifierKey(name: string, publicKey: Uint8Array | KeyObject): string {
  const raw = publicKey instanceof Uint8Array ? publicKey : rawEd25519PublicKey(publicKey);
  if (!isValidKeyName(name)) throw new MalformedNoteError(`invalid key name ${JSON.stringify(name)}`);
  if (raw.length !== 32) throw new RangeError('Ed25519 public key must be 32 bytes');
  return `${name}+${hex32(noteKeyId(name, raw))}+${toBase64(concatBytes(Uint8Array.of(ALG_ED25519), raw))}`;
}

/** The verifier key string of a signer or verifier. */
export function verifierKeyOf(key: NoteSigner | NoteVerifier): string {
  return encodeVerifierKey(key.name, key.publicKey);
}

/** Splits at the first `count - 1` plus signs (the base64 key data at the end may itself contain "+"). */
function cutPlus(text: string, count: number): string[] | null {
  if (typeof text !== 'string') return null;
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < count - 1; i++) {
    const p = rest.indexOf('+');
    if (p < 0) return null;
    parts.push(rest.slice(0, p));
    rest = rest.slice(p + 1);
  }
  parts.push(rest);
  return parts;
}

function splitKeyHash(hash16: string): number | null {
  return /^[0-9a-f]{8}$/.test(hash16) ? Number.parseInt(hash16, 16) : null;
}

/**
 * Parses a verifier key string into a verifier. Throws MalformedNoteError if it is malformed, names an algorithm
 * other than Ed25519, or its key ID does not match its name and key.
 */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const parts = cutPlus(vkey, 3);
  if (parts === null) throw new MalformedNoteError('malformed verifier key');
  const [name, hash16, key64] = parts as [string, string, string];
  const keyId = splitKeyHash(hash16);
  const key = fromBase64(key64);
  if (keyId === null || key === null || key.length === 0 || !isValidKeyName(name)) {
    throw new MalformedNoteError('malformed verifier key');
  }
  if (keyId !== keyIdForEncodedKey(name, key)) throw new MalformedNoteError('verifier key ID does not match the key');
  if (key[0] !== ALG_ED25519) throw new MalformedNoteError('unknown verifier key algorithm');
  if (key.length !== 33) throw new MalformedNoteError('malformed verifier key');
  return createNoteVerifier(name, key.slice(1));
}

/** Encodes a signer key in Go's form: `PRIVATE+KEY+name+<8 hex>+base64(0x01 || seed)`. Keep it secret. */
export function encodeSignerKey(name: string, privateKey: Uint8Array | KeyObject): string {
  const seed = privateKey instanceof Uint8Array ? privateKey : rawEd25519Seed(privateKey);
  const signer = createNoteSigner(name, seed);
  return `PRIVATE+KEY+${name}+${hex32(signer.keyId)}+${toBase64(concatBytes(Uint8Array.of(ALG_ED25519), seed))}`;
}

/** Parses a `PRIVATE+KEY+…` signer key string; the key ID must match the public key derived from the seed. */
export function parseSignerKey(skey: string): NoteSigner {
  const parts = cutPlus(skey, 5);
  if (parts === null || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw new MalformedNoteError('malformed signer key');
  }
  const [, , name, hash16, key64] = parts as [string, string, string, string, string];
  const keyId = splitKeyHash(hash16);
  const key = fromBase64(key64);
  if (keyId === null || key === null || key.length === 0 || !isValidKeyName(name)) {
    throw new MalformedNoteError('malformed signer key');
  }
  if (key[0] !== ALG_ED25519) throw new MalformedNoteError('unknown signer key algorithm');
  if (key.length !== 33) throw new MalformedNoteError('malformed signer key');
  const signer = createNoteSigner(name, key.slice(1));
  if (signer.keyId !== keyId) throw new MalformedNoteError('signer key ID does not match the key');
  return signer;
}

/** Generates a new Ed25519 key pair for `name`, returned as signer key (secret) and verifier key (public) strings. */
export function generateNoteKey(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw new MalformedNoteError(`invalid key name ${JSON.stringify(name)}`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = rawEd25519Seed(privateKey);
  const signer = createNoteSigner(name, seed);
  return { signerKey: encodeSignerKey(name, seed), verifierKey: verifierKeyOf(signer) };
}

// ---------------------------------------------------------------------------------------------------------------
// Signing and opening

/** True if the text may appear in a note: no lone surrogates, no control characters other than newline. */
function isNoteSafe(text: string): boolean {
  return !hasControlChar(text, true) && !hasLoneSurrogate(text);
}

/** True if the text has a character below U+0020 (other than newline, when `allowNewline`). */
function hasControlChar(text: string, allowNewline: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && !(allowNewline && c === 0x0a)) return true;
  }
  return false;
}

/** Checks that `text` can be signed as a note text: note-safe and ending in a newline. */
export function isValidNoteText(text: string): boolean {
  return typeof text === 'string' && text.endsWith('\n') && isNoteSafe(text) && utf8(text).length <= MAX_NOTE_BYTES;
}

/**
 * Signs `text` (which must end in a newline) with one or more signers and returns the signed note. Signers with the
 * same name and key ID are written once.
 */
export function signNote(text: string, signers: NoteSigner | readonly NoteSigner[]): string {
  const list = Array.isArray(signers) ? (signers as readonly NoteSigner[]) : [signers as NoteSigner];
  if (!isValidNoteText(text)) throw new MalformedNoteError('note text must be note-safe and end in a newline');
  if (list.length === 0) throw new MalformedNoteError('no signers');
  const message = utf8(text);
  const seen = new Set<string>();
  let sigs = '';
  for (const s of list) {
    if (!isValidKeyName(s.name)) throw new MalformedNoteError('invalid signer name');
    const id = `${s.name}+${s.keyId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const sig = s.sign(message);
    const keyId = Uint8Array.of(s.keyId >>> 24, (s.keyId >>> 16) & 0xff, (s.keyId >>> 8) & 0xff, s.keyId & 0xff);
    sigs += `— ${s.name} ${toBase64(concatBytes(keyId, sig))}\n`;
  }
  return `${text}\n${sigs}`;
}

/** Splits a note into text and signature lines without verifying anything; throws MalformedNoteError. */
export function parseNote(message: string | Uint8Array): { text: string; sigs: NoteSignature[]; raw: Uint8Array[] } {
  let msg: string;
  if (typeof message === 'string') {
    msg = message;
  } else {
    if (message.length > MAX_NOTE_BYTES) throw new MalformedNoteError('note too large');
    const decoded = decodeUtf8(message);
    if (decoded === null) throw new MalformedNoteError('note is not valid UTF-8');
    msg = decoded;
  }
  if (!isNoteSafe(msg)) throw new MalformedNoteError('note contains control characters or invalid Unicode');
  if (utf8(msg).length > MAX_NOTE_BYTES) throw new MalformedNoteError('note too large');
  // The text is separated from the signatures by the last blank line.
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) throw new MalformedNoteError('note has no signature block');
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) throw new MalformedNoteError('note signature block malformed');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw new MalformedNoteError('note has too many signatures');
  const sigs: NoteSignature[] = [];
  const raw: Uint8Array[] = [];
  for (const line of lines) {
    if (!line.startsWith('— ')) throw new MalformedNoteError('malformed signature line');
    const rest = line.slice(2);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const b64 = space < 0 ? '' : rest.slice(space + 1);
    const sig = fromBase64(b64);
    if (sig === null || !isValidKeyName(name) || b64 === '' || sig.length < 5) {
      throw new MalformedNoteError('malformed signature line');
    }
    const keyId =
      (((sig[0] as number) << 24) | ((sig[1] as number) << 16) | ((sig[2] as number) << 8) | (sig[3] as number)) >>> 0;
    sigs.push({ name, keyId, base64: b64 });
    raw.push(sig.slice(4));
  }
  return { text, sigs, raw };
}

/**
 * Opens a signed note: parses it, and verifies every signature made by a known key.
 *
 * - Signatures by unknown keys (name and ID not both matching a verifier) are ignored and reported in
 *   `unverifiedSigs`.
 * - A known key whose signature fails rejects the whole note (InvalidSignatureError).
 * - If no known key signed the note, UnverifiedNoteError (with the parsed note attached).
 * - Anything malformed (text not ending in a newline, no blank line before the signatures, a bad signature line,
 *   control characters, invalid UTF-8, more than 100 signatures) is MalformedNoteError.
 * - Repeated identical signature lines are reported once; several valid signatures by one key are reported once.
 * - Every distinct signature by a known key is verified (Go only verifies the first one per key).
 */
export function openNote(message: string | Uint8Array, verifiers: NoteVerifier | readonly NoteVerifier[]): Note {
  const list = Array.isArray(verifiers) ? (verifiers as readonly NoteVerifier[]) : [verifiers as NoteVerifier];
  const known = new Map<string, NoteVerifier[]>();
  for (const v of list) {
    const k = `${v.name}\n${v.keyId}`;
    known.set(k, [...(known.get(k) ?? []), v]);
  }
  const parsed = parseNote(message);
  const note: Note = { text: parsed.text, sigs: [], unverifiedSigs: [] };
  const textBytes = utf8(parsed.text);
  const seen = new Set<string>();
  const seenLines = new Set<string>();
  const seenUnverified = new Set<string>();
  parsed.sigs.forEach((sig, i) => {
    const k = `${sig.name}\n${sig.keyId}`;
    const candidates = known.get(k);
    if (candidates === undefined) {
      const line = `${sig.name} ${sig.base64}`;
      if (!seenUnverified.has(line)) {
        seenUnverified.add(line);
        note.unverifiedSigs.push(sig);
      }
      return;
    }
    if (candidates.length > 1) throw new AmbiguousVerifierError(sig.name, sig.keyId);
    // The spec: a signature by a known key MUST be verified, and a failure rejects the note. Unlike Go, which checks
    // only the first signature per key, every distinct signature line of a known key is verified.
    const line = `${k}\n${sig.base64}`;
    if (seenLines.has(line)) return;
    seenLines.add(line);
    if (!(candidates[0] as NoteVerifier).verify(textBytes, parsed.raw[i] as Uint8Array)) {
      throw new InvalidSignatureError(sig.name, sig.keyId);
    }
    if (seen.has(k)) return;
    seen.add(k);
    note.sigs.push(sig);
  });
  if (note.sigs.length === 0) throw new UnverifiedNoteError(note);
  return note;
}
