import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpCode, totpStep, totpUri } from './totp';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", codes of 8 digits.
const rfcSecret = Secret.fromLatin1('12345678901234567890').base32;
const vectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(vectors)('at T=%i the code is %s and is accepted in its step', (seconds, code) => {
    expect(totpCode(rfcSecret, seconds * 1000, { digits: 8 })).toBe(code);
    expect(totpStep(rfcSecret, code, seconds * 1000, { digits: 8 })).toBe(Math.floor(seconds / 30));
  });

  it('accepts one step of clock drift either side and no more', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(totpStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, now - 90_000), now)).toBeNull();
  });

  it('refuses malformed codes and names the account in the otpauth URI', () => {
    const secret = newTotpSecret();
    expect(totpStep(secret, '12345', Date.now())).toBeNull();
    expect(totpStep(secret, 'abcdef', Date.now())).toBeNull();
    expect(totpUri(secret, 'putuo')).toMatch(/^otpauth:\/\/totp\/.*putuo\?.*secret=/);
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});
