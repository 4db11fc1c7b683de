/**
 * The part of `node:crypto` the evidence core (src/core/evidence) uses to verify, for the offline verifier page:
 * SHA-256 and Ed25519 verification in plain JavaScript (@noble), synchronous like node:crypto, so the core's own
 * code runs unchanged in a browser opened from disk. Signing and key generation are the server's business and are
 * not available here.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';

const SPKI_ED25519_PREFIX_LENGTH = 12;

interface ShimKeyObject {
  type: 'public';
  asymmetricKeyType: 'ed25519';
  raw: Uint8Array;
  export(): Uint8Array;
}

export function createHash(algorithm: string) {
  if (algorithm !== 'sha256') throw new Error(`unsupported hash ${algorithm}`);
  const hash = sha256.create();
  const hasher = {
    update(data: Uint8Array) {
      hash.update(data);
      return hasher;
    },
    digest: () => hash.digest(),
  };
  return hasher;
}

/** An Ed25519 public key from its SPKI DER encoding (what the core builds from a raw key). */
export function createPublicKey(input: { key: Uint8Array }): ShimKeyObject {
  const der = new Uint8Array(input.key);
  const raw = der.slice(SPKI_ED25519_PREFIX_LENGTH);
  if (raw.length !== 32) throw new RangeError('Ed25519 public key must be 32 bytes');
  return { type: 'public', asymmetricKeyType: 'ed25519', raw, export: () => der };
}

export function verify(_algorithm: null, message: Uint8Array, key: ShimKeyObject, signature: Uint8Array): boolean {
  return ed25519.verify(signature, message, key.raw);
}

const unavailable = (what: string) => () => {
  throw new Error(`${what} is not available in the offline verifier`);
};
export const createPrivateKey = unavailable('createPrivateKey');
export const generateKeyPairSync = unavailable('generateKeyPairSync');
export const sign = unavailable('sign');
export const randomBytes = unavailable('randomBytes');
