/**
 * TOTP second factor (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps — what every authenticator app reads from an
 * otpauth:// URI) through the `otpauth` library. A code is accepted one step either side of now (clock drift), and
 * the caller refuses a step not later than the last one used, so a code seen over a shoulder cannot be replayed.
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_ISSUER = '商秘';
export const TOTP_PERIOD_SECONDS = 30;

export interface TotpOptions {
  digits?: number;
  algorithm?: 'SHA1' | 'SHA256' | 'SHA512';
}

/** A new random 160-bit secret, base32 (RFC 4226 recommends 160 bits for HMAC-SHA1). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = '', options: TotpOptions = {}): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: options.algorithm ?? 'SHA1',
    digits: options.digits ?? 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app scans (as a QR code) or is typed from. */
export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

/** The code for a time (tests and the browser test's authenticator). */
export function totpCode(secretBase32: string, timestampMs: number, options: TotpOptions = {}): string {
  return totp(secretBase32, '', options).generate({ timestamp: timestampMs });
}

/** The time step a code belongs to (within one step of `timestampMs`), or null when it matches none. */
export function totpStep(
  secretBase32: string,
  code: string,
  timestampMs: number,
  options: TotpOptions = {},
): number | null {
  const digits = options.digits ?? 6;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return null;
  const delta = totp(secretBase32, '', options).validate({ token: code, timestamp: timestampMs, window: 1 });
  if (delta === null) return null;
  return Math.floor(timestampMs / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
