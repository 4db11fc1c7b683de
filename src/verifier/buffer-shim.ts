/**
 * The few `Buffer` calls of src/core/evidence/encoding.ts (base64 and hex in and out), for the offline verifier page,
 * which runs the core in a browser where there is no Buffer. Installed as a global before the core runs.
 */
const HEX = '0123456789abcdef';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return new Uint8Array(0);
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function fromHex(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor(text.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

class ShimBuffer extends Uint8Array {
  /** hash-wasm asks this of its input when a global Buffer exists. */
  static isBuffer(value: unknown): boolean {
    return value instanceof ShimBuffer;
  }

  static override from(value: unknown, offsetOrEncoding?: unknown, length?: number): ShimBuffer {
    if (typeof value === 'string') {
      const bytes = offsetOrEncoding === 'hex' ? fromHex(value) : fromBase64(value);
      return new ShimBuffer(bytes);
    }
    if (value instanceof ArrayBuffer) {
      return new ShimBuffer(new Uint8Array(value, (offsetOrEncoding as number) ?? 0, length));
    }
    return new ShimBuffer(value as Uint8Array);
  }

  override toString(encoding?: string): string {
    if (encoding === 'hex') return Array.from(this, (b) => HEX[b >> 4]! + HEX[b & 15]!).join('');
    return toBase64(this);
  }
}

(globalThis as { Buffer?: unknown }).Buffer ??= ShimBuffer;
