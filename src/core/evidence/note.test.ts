import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from './encoding';
import {
  AmbiguousVerifierError,
  createNoteSigner,
  createNoteVerifier,
  encodeSignerKey,
  encodeVerifierKey,
  generateNoteKey,
  InvalidSignatureError,
  isValidKeyName,
  MalformedNoteError,
  type NoteSigner,
  noteKeyId,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  rawEd25519PublicKey,
  signNote,
  UnverifiedNoteError,
  verifierKeyOf,
} from './note';

// Known answers from golang.org/x/mod/sumdb/note (note_test.go, example_test.go).
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

// Known answer from the C2SP signed-note spec.
const C2SP_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const C2SP_NOTE =
  'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

// A real signed tree head of the Go checksum database, with its published verifier key (Go's default GOSUMDB key).
const SUMDB_VKEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';
const SUMDB_NOTE =
  'go.sum database tree\n28852277\nIDh4gnKScdn3WD9jflNCi2BmvZvdJ0Z2jeK20t8QF1E=\n\n— sum.golang.org Az3grkvHyq7VdmI/sCI/Jl0SsMAC/Bnol0lsMJHaL4b+mPEnHxDoea72xevZL3vEKp0q3NXFJrJfiaody1x9Dtim9gI=\n';

describe('signed-note known answers', () => {
  it('signs exactly like Go for the PeterNeumann key (Ed25519 is deterministic)', () => {
    const signer = parseSignerKey(PETER_SKEY);
    expect(signer.name).toBe('PeterNeumann');
    expect(signer.keyId).toBe(0xc74f20a3);
    expect(signNote(TEXT, signer)).toBe(`${TEXT}\n${PETER_SIG}`);
    expect(verifierKeyOf(signer)).toBe(PETER_VKEY);
  });

  it('reproduces the EnochRoot key Go derives from an all-zero seed', () => {
    const signer = createNoteSigner('EnochRoot', new Uint8Array(32));
    expect(signer.keyId).toBe(0xaf0cfe78);
    expect(verifierKeyOf(signer)).toBe(ENOCH_VKEY);
    expect(signNote(TEXT, signer)).toBe(`${TEXT}\n${ENOCH_SIG}`);
    expect(encodeSignerKey('EnochRoot', new Uint8Array(32))).toBe(
      `PRIVATE+KEY+EnochRoot+af0cfe78+${toBase64(Uint8Array.of(1, ...new Uint8Array(32)))}`,
    );
  });

  it('verifies the C2SP spec example', () => {
    const v = parseVerifierKey(C2SP_VKEY);
    expect(v.keyId).toBe(0x530d903a);
    const note = openNote(C2SP_NOTE, v);
    expect(note.text).toBe('This is an example message.\n');
    expect(note.sigs).toEqual([
      {
        name: 'example.com/foo',
        keyId: 0x530d903a,
        base64: 'Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=',
      },
    ]);
  });

  it('verifies a real sum.golang.org checkpoint with the Go checksum database key', () => {
    const v = parseVerifierKey(SUMDB_VKEY);
    expect(v.keyId).toBe(0x033de0ae);
    expect(openNote(SUMDB_NOTE, v).text).toBe(
      'go.sum database tree\n28852277\nIDh4gnKScdn3WD9jflNCi2BmvZvdJ0Z2jeK20t8QF1E=\n',
    );
    expect(() => openNote(SUMDB_NOTE.replace('28852277', '28852278'), v)).toThrow(InvalidSignatureError);
  });

  it('key ID = SHA-256(name || 0x0A || 0x01 || pubkey)[:4]', () => {
    const v = parseVerifierKey(PETER_VKEY);
    expect(noteKeyId('PeterNeumann', v.publicKey)).toBe(0xc74f20a3);
    expect(noteKeyId('PeterNeumanm', v.publicKey)).not.toBe(0xc74f20a3);
  });
});

describe('key strings', () => {
  it('rejects every truncation and every single-byte change of a verifier key (as Go does)', () => {
    expect(parseVerifierKey(PETER_VKEY).name).toBe('PeterNeumann');
    const b = PETER_VKEY;
    for (let i = 0; i <= b.length; i++) {
      for (let j = i + 1; j <= b.length; j++) {
        if (i !== 0 || j !== b.length)
          expect(() => parseVerifierKey(b.slice(i, j)), b.slice(i, j)).toThrow(MalformedNoteError);
      }
    }
    for (let i = 0; i < b.length; i++) {
      const mangled = b.slice(0, i) + String.fromCharCode(b.charCodeAt(i) + 1) + b.slice(i + 1);
      expect(() => parseVerifierKey(mangled), mangled).toThrow(MalformedNoteError);
    }
    // Wrong key length and unknown algorithm, each with a key ID that matches (from Go's tests).
    expect(() =>
      parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='),
    ).toThrow(MalformedNoteError);
    expect(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(
      /algorithm/,
    );
  });

  it('rejects every truncation and every single-byte change of a signer key', () => {
    const b = PETER_SKEY;
    for (let i = 0; i <= b.length; i++) {
      for (let j = i + 1; j <= b.length; j++) {
        if (i !== 0 || j !== b.length) expect(() => parseSignerKey(b.slice(i, j))).toThrow(MalformedNoteError);
      }
    }
    for (let i = 0; i < b.length; i++) {
      const mangled = b.slice(0, i) + String.fromCharCode(b.charCodeAt(i) + 1) + b.slice(i + 1);
      expect(() => parseSignerKey(mangled), mangled).toThrow(MalformedNoteError);
    }
  });

  it('generates key pairs whose strings round-trip and work together', () => {
    const { signerKey, verifierKey } = generateNoteKey('shangmi.example/evidence');
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+shangmi\.example\/evidence\+[0-9a-f]{8}\+/);
    expect(verifierKey).toMatch(/^shangmi\.example\/evidence\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    const signer = parseSignerKey(signerKey);
    const verifier = parseVerifierKey(verifierKey);
    expect(signer.keyId).toBe(verifier.keyId);
    expect(verifierKeyOf(signer)).toBe(verifierKey);
    const note = signNote('hello\n', signer);
    expect(openNote(note, verifier).text).toBe('hello\n');
    expect(generateNoteKey('shangmi.example/evidence').verifierKey).not.toBe(verifierKey);
  });

  it('accepts Node KeyObjects', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signer = createNoteSigner('log.example', privateKey);
    const verifier = createNoteVerifier('log.example', publicKey);
    expect(signer.keyId).toBe(verifier.keyId);
    expect(encodeVerifierKey('log.example', publicKey)).toBe(verifierKeyOf(verifier));
    expect(rawEd25519PublicKey(privateKey)).toEqual(verifier.publicKey);
    expect(openNote(signNote('x\n', signer), verifier).sigs).toHaveLength(1);
    expect(parseSignerKey(encodeSignerKey('log.example', privateKey)).keyId).toBe(signer.keyId);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => createNoteSigner('log.example', ec.privateKey)).toThrow(RangeError);
    expect(() => createNoteVerifier('log.example', privateKey)).toThrow(RangeError);
    expect(() => createNoteSigner('log.example', new Uint8Array(31))).toThrow(RangeError);
  });

  it('validates key names', () => {
    for (const ok of ['a', 'example.com/log', '商秘/存证', 'x-y_z']) expect(isValidKeyName(ok)).toBe(true);
    for (const bad of ['', 'a b', 'a+b', 'a\tb', 'a\nb', 'a\u00a0b', 'a\u3000b', 'a\u0085b', 'a\u0001b', '\ud800']) {
      expect(isValidKeyName(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(() => createNoteSigner('bad name', new Uint8Array(32))).toThrow(MalformedNoteError);
  });
});

describe('openNote (ported from Go TestOpen)', () => {
  const peter = parseVerifierKey(PETER_VKEY);
  const enoch = parseVerifierKey(ENOCH_VKEY);
  const peterSig = { name: 'PeterNeumann', keyId: 0xc74f20a3, base64: PETER_SIG.slice(15, -1) };
  const enochSig = { name: 'EnochRoot', keyId: 0xaf0cfe78, base64: ENOCH_SIG.slice(12, -1) };

  it('one signature verified, one unknown', () => {
    const n = openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter]);
    expect(n.text).toBe(TEXT);
    expect(n.sigs).toEqual([peterSig]);
    expect(n.unverifiedSigs).toEqual([enochSig]);
  });

  it('both verified', () => {
    const n = openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter, enoch]);
    expect(n.sigs).toEqual([peterSig, enochSig]);
    expect(n.unverifiedSigs).toEqual([]);
  });

  it('no known key: UnverifiedNoteError carrying the note', () => {
    try {
      openNote(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, []);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnverifiedNoteError);
      expect((e as UnverifiedNoteError).note.unverifiedSigs).toEqual([peterSig, enochSig]);
    }
  });

  it('a key with the same name but another ID, or another name with the same ID, is unknown', () => {
    const otherKey = createNoteSigner('PeterNeumann', new Uint8Array(32).fill(9));
    expect(() => openNote(`${TEXT}\n${PETER_SIG}`, createNoteVerifier('PeterNeumann', otherKey.publicKey))).toThrow(
      UnverifiedNoteError,
    );
    const renamed = `${TEXT}\n${PETER_SIG.replace('PeterNeumann', 'CarmenSandiego')}`;
    expect(() => openNote(renamed, peter)).toThrow(UnverifiedNoteError);
  });

  it('duplicated verifier is ambiguous only when used', () => {
    expect(() => openNote(`${TEXT}\n${ENOCH_SIG}`, [enoch, peter, enoch])).toThrow(AmbiguousVerifierError);
    expect(openNote(`${TEXT}\n${PETER_SIG}`, [enoch, peter, enoch]).sigs).toEqual([peterSig]);
  });

  it('too many signatures is malformed', () => {
    expect(() => openNote(`${TEXT}\n${PETER_SIG.repeat(101)}`, [peter])).toThrow(MalformedNoteError);
    expect(openNote(`${TEXT}\n${PETER_SIG.repeat(16)}`, [peter]).sigs).toHaveLength(1);
  });

  it('a known key with a bad signature rejects the whole note', () => {
    const bad = `${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expect(() => openNote(bad, [peter])).toThrow(InvalidSignatureError);
    expect(() => openNote(bad, [peter])).toThrow('invalid signature for key PeterNeumann+c74f20a3');
    // Changing the text invalidates the signature.
    expect(() => openNote(`${TEXT.replace('answer', 'Answer')}\n${PETER_SIG}`, [peter])).toThrow(InvalidSignatureError);
  });

  it('duplicated verified and unverified signatures are reported once', () => {
    const enochBad = `${ENOCH_SIG.slice(0, 60)}ABCD${ENOCH_SIG.slice(60)}`;
    const n = openNote(`${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${enochBad}`, [peter]);
    expect(n.sigs).toEqual([peterSig]);
    expect(n.unverifiedSigs).toHaveLength(2);
  });

  it('a second, invalid signature by a known key rejects the note (Go would ignore it)', () => {
    const bad = `${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expect(() => openNote(`${TEXT}\n${PETER_SIG}${bad}`, [peter])).toThrow(InvalidSignatureError);
  });

  it('rejects malformed notes', () => {
    const bad = [
      TEXT,
      `${TEXT}\n`,
      `${TEXT}\n${PETER_SIG.slice(0, -1)}`,
      `\u0001${TEXT}\n${PETER_SIG}`,
      `${TEXT}\r\n${PETER_SIG}`,
      `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=`,
      `${TEXT}\n${PETER_SIG}Unexpected line.\n`,
      `${TEXT}\n— PeterNeumann\n`,
      `${TEXT}\n— PeterNeumann \n`,
      `${TEXT}\n— PeterNeumann AAAA\n`, // fewer than 5 bytes
      `${TEXT}\n- PeterNeumann ${PETER_SIG.slice(15)}`, // hyphen instead of em dash
      `${TEXT}\n${PETER_SIG.replace('nAM=', 'nAN=')}`, // non-canonical base64
      `${TEXT}\n${PETER_SIG.replace('x08g', 'x08g ')}`,
    ];
    for (const msg of bad) expect(() => openNote(msg, [peter]), JSON.stringify(msg)).toThrow(MalformedNoteError);
    // Invalid UTF-8 bytes.
    const bytes = utf8(`${TEXT}\n${PETER_SIG}`);
    const invalid = new Uint8Array([0xff, ...bytes]);
    expect(() => openNote(invalid, [peter])).toThrow(MalformedNoteError);
    expect(openNote(bytes, [peter]).text).toBe(TEXT);
  });

  it('text may contain blank lines: the last blank line separates the signatures', () => {
    const signer = parseSignerKey(PETER_SKEY);
    const text = 'para one\n\npara two\n\n';
    const n = openNote(signNote(text, signer), [peter]);
    expect(n.text).toBe(text);
    expect(parseNote(signNote(text, signer)).text).toBe(text);
  });
});

describe('signNote', () => {
  const peterSigner = parseSignerKey(PETER_SKEY);

  it('requires the text to end in a newline and carry no control characters', () => {
    expect(() => signNote('abc', peterSigner)).toThrow(MalformedNoteError);
    expect(() => signNote('a\u0000b\n', peterSigner)).toThrow(MalformedNoteError);
    expect(() => signNote('a\r\n', peterSigner)).toThrow(MalformedNoteError);
    expect(() => signNote('abc\n', [])).toThrow(MalformedNoteError);
  });

  it('signs with several keys, each once', () => {
    const enoch = createNoteSigner('EnochRoot', new Uint8Array(32));
    expect(signNote(TEXT, [peterSigner, enoch, peterSigner])).toBe(`${TEXT}\n${PETER_SIG}${ENOCH_SIG}`);
  });

  it('rejects a signer with an invalid name', () => {
    const bad: NoteSigner = { ...peterSigner, name: 'bad name' };
    expect(() => signNote(TEXT, bad)).toThrow(MalformedNoteError);
  });

  it('round-trips Unicode text', () => {
    const signer = createNoteSigner('商秘.example/存证', new Uint8Array(32).fill(1));
    const text = '商业秘密存证\n第二行 — with an em dash\n';
    const note = signNote(text, signer);
    expect(openNote(note, createNoteVerifier(signer.name, signer.publicKey)).text).toBe(text);
    // The signature line carries key ID || 64-byte signature.
    const line = note.trimEnd().split('\n').pop() as string;
    expect(fromBase64(line.split(' ')[2] as string)?.length).toBe(68);
  });
});
