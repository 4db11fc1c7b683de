/**
 * The state of a file chosen to be hashed on this computer (FileDigest.tsx draws it with antd, the public
 * verification page with its own light components): the file, its digest under the chosen algorithm, progress.
 */
import { useEffect, useState } from 'react';
import { type DigestAlgorithm, hashFile } from '../../../app/hash-file';

export interface FileDigestState {
  file: File | null;
  setFile(file: File | null): void;
  /** The digest of `file` under the current algorithm, once computed. */
  digest: string | null;
  hashing: boolean;
  /** 0–1 while hashing. */
  progress: number;
  /** Milliseconds the last completed hash took. */
  elapsedMs: number | null;
  error: string | null;
}

interface HashResult {
  file: File;
  algorithm: DigestAlgorithm;
  progress: number;
  digest: string | null;
  elapsedMs: number | null;
  error: string | null;
}

/**
 * Hashes the chosen file with the given algorithm whenever either changes (a running hash is abandoned). The
 * answer is kept with the file and algorithm it belongs to, so a stale digest is never shown for a new choice.
 */
export function useFileDigest(algorithm: DigestAlgorithm): FileDigestState {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<HashResult | null>(null);

  useEffect(() => {
    if (!file) return;
    const controller = new AbortController();
    const base = { file, algorithm, digest: null, elapsedMs: null, error: null };
    setResult({ ...base, progress: 0 });
    const started = performance.now();
    hashFile(file, algorithm, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (!controller.signal.aborted) setResult({ ...base, progress });
      },
    })
      .then((digest) => {
        if (!controller.signal.aborted) {
          setResult({ ...base, progress: 1, digest, elapsedMs: performance.now() - started });
        }
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        console.error(error);
        setResult({ ...base, progress: 0, error: '无法读取该文件，请确认文件可以打开后重试' });
      });
    return () => controller.abort();
  }, [file, algorithm]);

  const current = file && result?.file === file && result.algorithm === algorithm ? result : null;
  return {
    file,
    setFile,
    digest: current?.digest ?? null,
    hashing: file !== null && (current === null || (current.digest === null && current.error === null)),
    progress: current?.progress ?? 0,
    elapsedMs: current?.elapsedMs ?? null,
    error: current?.error ?? null,
  };
}
