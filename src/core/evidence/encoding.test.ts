import { describe, expect, it } from 'vitest';
import {
  bytesEqual,
  concatBytes,
  decodeUtf8,
  fromBase64,
  fromHex,
  hasLoneSurrogate,
  parseDecimal,
  sha256,
  toBase64,
  toHex,
} from './encoding';

describe('encoding helpers', () => {
  it('sha256 hashes the concatenation and returns a plain Uint8Array', () => {
    const h = sha256(new TextEncoder().encode('ab'), new TextEncoder().encode('c'));
    expect(toHex(h)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(Object.getPrototypeOf(h)).toBe(Uint8Array.prototype);
  });

  it('base64 is strict and canonical', () => {
    expect(fromBase64('')).toEqual(new Uint8Array(0));
    expect(fromBase64('aGk=')).toEqual(Uint8Array.of(0x68, 0x69));
    expect(toBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
    for (const bad of ['aGk', 'aGk==', 'aG k=', 'aGl=', '-_8=', 'aGk=\n', '====', 'a===']) {
      expect(fromBase64(bad), bad).toBeNull();
    }
  });

  it('hex, decimal, UTF-8 and byte helpers', () => {
    expect(fromHex('00ffAB')).toEqual(Uint8Array.of(0, 255, 0xab));
    expect(fromHex('0')).toBeNull();
    expect(fromHex('zz')).toBeNull();
    expect(parseDecimal('0')).toBe(0);
    expect(parseDecimal('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of ['', '00', '01', '-1', '+1', '1e3', '1.0', ' 1', '9007199254740992']) {
      expect(parseDecimal(bad), bad).toBeNull();
    }
    expect(decodeUtf8(Uint8Array.of(0xe5, 0x95, 0x86))).toBe('商');
    expect(decodeUtf8(Uint8Array.of(0xe5, 0x95))).toBeNull();
    expect(hasLoneSurrogate('😀')).toBe(false);
    expect(hasLoneSurrogate('\ud83d')).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 2))).toBe(false);
    expect(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3))).toEqual(Uint8Array.of(1, 2, 3));
  });
});
