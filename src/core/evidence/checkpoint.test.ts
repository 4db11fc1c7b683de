import { describe, expect, it } from 'vitest';
import {
  assertConsistentBeforeSigning,
  type Checkpoint,
  CheckpointError,
  checkpointConsistencyProblem,
  formatCheckpoint,
  InconsistentCheckpointError,
  openCheckpoint,
  parseCheckpoint,
  signCheckpoint,
} from './checkpoint';
import { fromBase64, toBase64 } from './encoding';
import { emptyRoot, hashLeaf, MemoryHashStore } from './merkle';
import {
  createNoteSigner,
  createNoteVerifier,
  InvalidSignatureError,
  parseVerifierKey,
  UnverifiedNoteError,
} from './note';

const ORIGIN = 'shangmi.example/evidence';
const signer = createNoteSigner(ORIGIN, new Uint8Array(32).fill(42));
const verifier = createNoteVerifier(ORIGIN, signer.publicKey);

function storeOf(n: number): MemoryHashStore {
  const s = new MemoryHashStore();
  for (let i = 0; i < n; i++) s.append(new TextEncoder().encode(`entry ${i}`));
  return s;
}
const store = storeOf(40);
const cpAt = (size: number, origin = ORIGIN): Checkpoint => ({ origin, size, rootHash: store.rootHash(size) });

describe('checkpoint body format', () => {
  it('parses the C2SP tlog-checkpoint example', () => {
    const cp = parseCheckpoint('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(cp.origin).toBe('example.com/behind-the-sofa');
    expect(cp.size).toBe(20852163);
    expect(toBase64(cp.rootHash)).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
    expect(cp.extensions).toBeUndefined();
  });

  it('formats origin, decimal size, base64 root and extension lines, and round-trips', () => {
    const cp: Checkpoint = { ...cpAt(7), extensions: ['tsa 2025-01-01', 'x'] };
    const text = formatCheckpoint(cp);
    expect(text).toBe(`${ORIGIN}\n7\n${toBase64(cp.rootHash)}\ntsa 2025-01-01\nx\n`);
    expect(parseCheckpoint(text)).toEqual(cp);
    const empty: Checkpoint = { origin: ORIGIN, size: 0, rootHash: emptyRoot() };
    expect(formatCheckpoint(empty)).toBe(`${ORIGIN}\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n`);
  });

  it('rejects malformed bodies', () => {
    const root = toBase64(store.rootHash(3));
    const bad = [
      `${ORIGIN}\n3\n${root}`, // no final newline
      `${ORIGIN}\n3\n`, // missing root
      `\n3\n${root}\n`, // empty origin
      `${ORIGIN}\n03\n${root}\n`, // leading zero
      `${ORIGIN}\n-3\n${root}\n`,
      `${ORIGIN}\n+3\n${root}\n`,
      `${ORIGIN}\n3.0\n${root}\n`,
      `${ORIGIN}\n 3\n${root}\n`,
      `${ORIGIN}\n9007199254740992\n${root}\n`, // beyond 2^53 - 1
      `${ORIGIN}\n3\n${root.slice(0, -4)}\n`, // short hash
      `${ORIGIN}\n3\n${root}=\n`,
      `${ORIGIN}\n3\n${root}\n\n`, // empty extension line
      `${ORIGIN}\n3\n${root}\next\n\n`,
    ];
    for (const text of bad) expect(() => parseCheckpoint(text), JSON.stringify(text)).toThrow(CheckpointError);
  });

  it('refuses to format invalid fields', () => {
    expect(() => formatCheckpoint({ ...cpAt(3), origin: '' })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...cpAt(3), origin: 'a\nb' })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...cpAt(3), size: -1 })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...cpAt(3), size: 1.5 })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...cpAt(3), rootHash: new Uint8Array(31) })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...cpAt(3), extensions: [''] })).toThrow(CheckpointError);
    expect(() => formatCheckpoint({ ...cpAt(3), origin: 'a\u0007b' })).toThrow(CheckpointError);
  });
});

describe('consistency before signing', () => {
  it('accepts the first checkpoint, growth with a valid proof, and an unchanged tree', () => {
    expect(() => assertConsistentBeforeSigning(null, cpAt(5), [])).not.toThrow();
    expect(() => assertConsistentBeforeSigning(cpAt(5), cpAt(9), store.consistencyProof(5, 9))).not.toThrow();
    expect(() => assertConsistentBeforeSigning(cpAt(9), cpAt(9), [])).not.toThrow();
    const empty: Checkpoint = { origin: ORIGIN, size: 0, rootHash: emptyRoot() };
    expect(() => assertConsistentBeforeSigning(empty, cpAt(3), [])).not.toThrow();
    expect(() => assertConsistentBeforeSigning(null, empty, [])).not.toThrow();
    for (let m = 1; m <= 40; m++) {
      for (const n of [m, m + 1, 40]) {
        if (n > 40) continue;
        expect(checkpointConsistencyProblem(cpAt(m), cpAt(n), store.consistencyProof(m, n))).toBeNull();
      }
    }
  });

  it('refuses rollback, forks, wrong proofs and origin changes', () => {
    const p = store.consistencyProof(5, 9);
    const refuse = (prev: Checkpoint | null, next: Checkpoint, proof: Uint8Array[]) =>
      expect(() => assertConsistentBeforeSigning(prev, next, proof)).toThrow(InconsistentCheckpointError);
    refuse(cpAt(9), cpAt(5), p); // shrinking
    refuse(cpAt(5), cpAt(9), []); // no proof
    refuse(cpAt(5), cpAt(9), p.slice(1)); // truncated proof
    refuse(cpAt(5), cpAt(9), [...p].reverse());
    refuse(cpAt(5), cpAt(10), p); // proof for other sizes
    refuse(cpAt(5, 'other.example/log'), cpAt(9), p);
    refuse(cpAt(9), { ...cpAt(9), rootHash: store.rootHash(8) }, []); // same size, different root: fork
    refuse(cpAt(9), cpAt(9), p); // equal sizes need an empty proof
    // A forked tree: same first 5 entries, then different ones.
    const fork = storeOf(5);
    for (let i = 0; i < 4; i++) fork.append(new TextEncoder().encode(`forged ${i}`));
    const forked: Checkpoint = { origin: ORIGIN, size: 9, rootHash: fork.rootHash() };
    refuse(cpAt(5), forked, p);
    refuse(
      cpAt(5),
      forked,
      fork.consistencyProof(5, 9).map((h, i) => (i === 0 ? hashLeaf(h) : h)),
    );
    // Consistent with the fork's own history, but not with what was signed (the first 5 are shared, so this one
    // passes — a fork only shows up against a checkpoint covering a forked entry).
    expect(checkpointConsistencyProblem(cpAt(5), forked, fork.consistencyProof(5, 9))).toBeNull();
    refuse(cpAt(7), forked, fork.consistencyProof(7, 9));
    // Empty trees must carry the empty root.
    refuse(null, { origin: ORIGIN, size: 0, rootHash: store.rootHash(1) }, []);
    refuse({ origin: ORIGIN, size: 0, rootHash: store.rootHash(1) }, cpAt(3), []);
    refuse({ origin: ORIGIN, size: 0, rootHash: emptyRoot() }, cpAt(3), p);
  });
});

describe('signing and opening checkpoints', () => {
  it('signs after the consistency check and opens with the verifier key', () => {
    const note1 = signCheckpoint(cpAt(5), signer, null);
    const note2 = signCheckpoint(cpAt(9), signer, {
      checkpoint: cpAt(5),
      consistencyProof: store.consistencyProof(5, 9),
    });
    expect(note2.startsWith(formatCheckpoint(cpAt(9)))).toBe(true);
    expect(note2).toMatch(new RegExp(`\\n\\n— ${ORIGIN.replace(/[./]/g, '\\$&')} [A-Za-z0-9+/]{91}=\\n$`));
    const opened = openCheckpoint(note2, verifier);
    expect(opened.checkpoint).toEqual(cpAt(9));
    expect(openCheckpoint(note1, verifier).checkpoint.size).toBe(5);
  });

  it('refuses to sign an inconsistent checkpoint or with a key named differently from the origin', () => {
    expect(() =>
      signCheckpoint(cpAt(9), signer, { checkpoint: cpAt(5), consistencyProof: store.consistencyProof(4, 9) }),
    ).toThrow(InconsistentCheckpointError);
    expect(() => signCheckpoint(cpAt(4), signer, { checkpoint: cpAt(5), consistencyProof: [] })).toThrow(
      InconsistentCheckpointError,
    );
    const other = createNoteSigner('other.example/log', new Uint8Array(32).fill(1));
    expect(() => signCheckpoint(cpAt(5), other, null)).toThrow(CheckpointError);
  });

  it('rejects tampered checkpoint text, unknown keys and unexpected origins', () => {
    const note = signCheckpoint(cpAt(9), signer, null);
    const root9 = toBase64(store.rootHash(9));
    expect(() => openCheckpoint(note.replace('\n9\n', '\n10\n'), verifier)).toThrow(InvalidSignatureError);
    expect(() => openCheckpoint(note.replace(root9, toBase64(store.rootHash(8))), verifier)).toThrow(
      InvalidSignatureError,
    );
    const stranger = createNoteVerifier(ORIGIN, createNoteSigner(ORIGIN, new Uint8Array(32).fill(7)).publicKey);
    expect(() => openCheckpoint(note, stranger)).toThrow(UnverifiedNoteError);
    expect(() => openCheckpoint(note, verifier, { origin: 'other.example/log' })).toThrow(CheckpointError);
    // A signature line with a flipped bit.
    const sigLine = note.split('\n').at(-2) as string;
    const raw = fromBase64(sigLine.split(' ')[2] as string) as Uint8Array;
    raw[10] = (raw[10] as number) ^ 1;
    const tampered = note.replace(sigLine, `— ${ORIGIN} ${toBase64(raw)}`);
    expect(() => openCheckpoint(tampered, verifier)).toThrow(InvalidSignatureError);
  });

  it('opens a real go.sum database checkpoint when the origin is given explicitly', () => {
    const sumdb = parseVerifierKey('sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8');
    const note =
      'go.sum database tree\n28852277\nIDh4gnKScdn3WD9jflNCi2BmvZvdJ0Z2jeK20t8QF1E=\n\n— sum.golang.org Az3grkvHyq7VdmI/sCI/Jl0SsMAC/Bnol0lsMJHaL4b+mPEnHxDoea72xevZL3vEKp0q3NXFJrJfiaody1x9Dtim9gI=\n';
    expect(openCheckpoint(note, sumdb, { origin: 'go.sum database tree' }).checkpoint.size).toBe(28852277);
    // Its key name is not its origin, so the default origin rule refuses it.
    expect(() => openCheckpoint(note, sumdb)).toThrow(CheckpointError);
  });
});
