/**
 * Hashes a file in the browser, chunk by chunk from `file.stream()`, so a multi-GB file never sits in memory and
 * nothing of it leaves the computer. SHA-256 and SM3 (GB/T 32905) come from hash-wasm, loaded when a file is first
 * hashed (not with the public verification page, issue 15).
 */
import type { IHasher } from 'hash-wasm';

export type DigestAlgorithm = 'sha256' | 'sm3';

export interface HashFileOptions {
  /** Called with the fraction done (0–1), at most about ten times a second, and always with 1 at the end. */
  onProgress?: (fraction: number) => void;
  /** Stops hashing; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

const PROGRESS_INTERVAL_MS = 100;

async function createHasher(algorithm: DigestAlgorithm): Promise<IHasher> {
  const { createSHA256, createSM3 } = await import('hash-wasm');
  return algorithm === 'sm3' ? createSM3() : createSHA256();
}

/** The file's digest as lowercase hex. */
export async function hashFile(file: Blob, algorithm: DigestAlgorithm, options: HashFileOptions = {}): Promise<string> {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  const hasher = await createHasher(algorithm);
  hasher.init();
  const total = file.size;
  let done = 0;
  let reported = 0;
  onProgress?.(0);
  const reader = file.stream().getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done: finished, value } = await reader.read();
      if (finished) break;
      hasher.update(value);
      done += value.byteLength;
      const now = performance.now();
      if (onProgress && now - reported >= PROGRESS_INTERVAL_MS) {
        reported = now;
        onProgress(total > 0 ? Math.min(done / total, 1) : 1);
      }
    }
  } finally {
    // Releases the file if hashing stopped early; harmless once the stream is done.
    reader.cancel().catch(() => undefined);
  }
  onProgress?.(1);
  return hasher.digest('hex').toLowerCase();
}

/** Human-readable file size (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}
