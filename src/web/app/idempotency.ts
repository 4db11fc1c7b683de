/**
 * Idempotency keys of the browser's create submissions (the server side: src/server/idempotency.ts). Each submission
 * gets a fresh key; when the same submission (same path, same body) is sent again after it got no definite answer —
 * the network failed, the server erred, or it said the first one is still being processed — it carries the same key,
 * so the server answers with the first result instead of creating the record twice.
 */

/** A random key (32 hex digits): crypto.getRandomValues works on plain HTTP too, unlike crypto.randomUUID. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class SubmissionKeys {
  private readonly open = new Map<string, string>();

  constructor(private readonly makeKey: () => string = newIdempotencyKey) {}

  /** The key of this submission: the one of its unanswered earlier attempt, or a new one. */
  keyFor(path: string, body: string): string {
    const submission = `${path}\n${body}`;
    const key = this.open.get(submission) ?? this.makeKey();
    this.open.set(submission, key);
    return key;
  }

  /**
   * Records the outcome of an attempt: a definite answer (success or refusal) closes the submission, so sending the
   * same content again is a new submission; no answer (status 0), a server error or "still processing" keeps the key.
   */
  settle(path: string, body: string, status: number, code?: string): void {
    const retryable = status === 0 || status >= 500 || (status === 409 && code === 'idempotency_in_progress');
    if (!retryable) this.open.delete(`${path}\n${body}`);
  }
}
