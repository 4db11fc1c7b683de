/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the signed tree head of the evidence log.
 *
 *   <origin>\n
 *   <tree size, decimal, no leading zeroes>\n
 *   <base64 root hash>\n
 *   [<extension line>\n]*
 *
 * signed as a C2SP signed note. The log must never sign a checkpoint that is inconsistent with one it signed before;
 * `signCheckpoint` therefore takes the previous checkpoint and a consistency proof and refuses to sign otherwise.
 * Pure: no I/O.
 */
import { bytesEqual, fromBase64, parseDecimal, toBase64 } from './encoding';
import { emptyRoot, HASH_SIZE, type Hash, verifyConsistency } from './merkle';
import {
  isValidNoteText,
  MalformedNoteError,
  type Note,
  type NoteSigner,
  type NoteVerifier,
  openNote,
  signNote,
} from './note';

export interface Checkpoint {
  /** The log's identity, e.g. `shangmi.example/evidence`. */
  origin: string;
  /** Number of leaves. */
  size: number;
  /** RFC 6962 root hash of the tree at `size`. */
  rootHash: Hash;
  /** Optional opaque extension lines (NOT RECOMMENDED by the spec; kept for completeness). */
  extensions?: string[];
}

export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

/** Refusal to sign a checkpoint that does not extend the previously signed one. */
export class InconsistentCheckpointError extends CheckpointError {
  override name = 'InconsistentCheckpointError';
}

function isLine(s: string): boolean {
  return typeof s === 'string' && s !== '' && !s.includes('\n');
}

/** Formats the checkpoint note text (ends in a newline). Throws CheckpointError on invalid fields. */
export function formatCheckpoint(cp: Checkpoint): string {
  if (!isLine(cp.origin)) throw new CheckpointError('checkpoint origin must be a non-empty single line');
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw new CheckpointError('checkpoint size must be a safe uint');
  if (!(cp.rootHash instanceof Uint8Array) || cp.rootHash.length !== HASH_SIZE) {
    throw new CheckpointError('checkpoint root hash must be 32 bytes');
  }
  const ext = cp.extensions ?? [];
  if (!ext.every(isLine)) throw new CheckpointError('checkpoint extension lines must be non-empty single lines');
  const text = `${[cp.origin, String(cp.size), toBase64(cp.rootHash), ...ext].join('\n')}\n`;
  if (!isValidNoteText(text)) throw new CheckpointError('checkpoint text contains characters a note cannot carry');
  return text;
}

/** Parses a checkpoint note text (the signed text, not the whole signed note). Throws CheckpointError. */
export function parseCheckpoint(text: string): Checkpoint {
  if (typeof text !== 'string' || !text.endsWith('\n')) throw new CheckpointError('checkpoint must end in a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointError('checkpoint needs origin, size and root hash lines');
  if (!lines.every((l) => l !== '')) throw new CheckpointError('checkpoint lines must be non-empty');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  const size = parseDecimal(sizeText);
  if (size === null) throw new CheckpointError('checkpoint size is not a canonical decimal (or exceeds 2^53-1)');
  const rootHash = fromBase64(rootText);
  if (rootHash === null || rootHash.length !== HASH_SIZE) throw new CheckpointError('checkpoint root hash malformed');
  const cp: Checkpoint = { origin, size, rootHash };
  if (extensions.length > 0) cp.extensions = extensions;
  return cp;
}

/**
 * Opens a signed checkpoint: verifies the note signature(s) with the given verifiers (see `openNote` for the
 * errors), parses the body, and checks the origin — by default it must equal the name of a verifying key, since
 * the log's key name matches its origin.
 */
export function openCheckpoint(
  signedNote: string | Uint8Array,
  verifiers: NoteVerifier | readonly NoteVerifier[],
  options: { origin?: string } = {},
): { checkpoint: Checkpoint; note: Note } {
  const note = openNote(signedNote, verifiers);
  const checkpoint = parseCheckpoint(note.text);
  const expected = options.origin;
  if (expected !== undefined ? checkpoint.origin !== expected : !note.sigs.some((s) => s.name === checkpoint.origin)) {
    throw new CheckpointError(`unexpected checkpoint origin ${JSON.stringify(checkpoint.origin)}`);
  }
  return { checkpoint, note };
}

/** Why `next` may not be signed after `prev`, or null if it may. */
export function checkpointConsistencyProblem(
  prev: Checkpoint | null,
  next: Checkpoint,
  consistencyProof: readonly Hash[],
): string | null {
  const empty = emptyRoot();
  if (next.size === 0 && !bytesEqual(next.rootHash, empty)) return 'an empty tree must have the empty root hash';
  if (prev === null) return null;
  if (prev.origin !== next.origin) return 'origin differs from the previous checkpoint';
  if (next.size < prev.size) return `tree size would shrink from ${prev.size} to ${next.size}`;
  if (prev.size === 0) {
    if (!bytesEqual(prev.rootHash, empty)) return 'previous empty checkpoint has a non-empty root hash';
    return consistencyProof.length === 0 ? null : 'a proof from the empty tree must be empty';
  }
  if (prev.size === next.size) {
    if (consistencyProof.length !== 0) return 'a proof between equal sizes must be empty';
    return bytesEqual(prev.rootHash, next.rootHash) ? null : 'same tree size with a different root hash';
  }
  return verifyConsistency(prev.size, next.size, consistencyProof, prev.rootHash, next.rootHash)
    ? null
    : 'consistency proof does not verify';
}

/**
 * Throws InconsistentCheckpointError unless `next` extends `prev` (the last checkpoint the log signed, or null for
 * the first one), as shown by `consistencyProof` (RFC 9162, from prev.size to next.size).
 */
export function assertConsistentBeforeSigning(
  prev: Checkpoint | null,
  next: Checkpoint,
  consistencyProof: readonly Hash[],
): void {
  const problem = checkpointConsistencyProblem(prev, next, consistencyProof);
  if (problem !== null) throw new InconsistentCheckpointError(`refusing to sign checkpoint: ${problem}`);
}

/**
 * Signs a checkpoint as a signed note, after checking that it is consistent with the previously signed checkpoint.
 * The signer's key name must equal the checkpoint origin. Pass `previous: null` only for the log's first
 * checkpoint.
 */
export function signCheckpoint(
  next: Checkpoint,
  signer: NoteSigner,
  previous: { checkpoint: Checkpoint; consistencyProof: readonly Hash[] } | null,
): string {
  if (signer.name !== next.origin) throw new CheckpointError('the signing key name must match the checkpoint origin');
  assertConsistentBeforeSigning(previous?.checkpoint ?? null, next, previous?.consistencyProof ?? []);
  const text = formatCheckpoint(next);
  try {
    return signNote(text, signer);
  } catch (e) {
    if (e instanceof MalformedNoteError) throw new CheckpointError(e.message);
    throw e;
  }
}
