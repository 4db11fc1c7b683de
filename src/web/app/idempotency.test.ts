import { describe, expect, it } from 'vitest';
import { newIdempotencyKey, SubmissionKeys } from './idempotency';

describe('submission keys', () => {
  it('are fresh per submission and reused only when the same submission got no definite answer', () => {
    let n = 0;
    const keys = new SubmissionKeys(() => `key-${++n}`);
    const first = keys.keyFor('/ledger', '{"title":"培训"}');
    keys.settle('/ledger', '{"title":"培训"}', 0);
    expect(keys.keyFor('/ledger', '{"title":"培训"}')).toBe(first);
    keys.settle('/ledger', '{"title":"培训"}', 503);
    expect(keys.keyFor('/ledger', '{"title":"培训"}')).toBe(first);
    keys.settle('/ledger', '{"title":"培训"}', 409, 'idempotency_in_progress');
    expect(keys.keyFor('/ledger', '{"title":"培训"}')).toBe(first);
    // Answered: the same content again is a new record the user asked for.
    keys.settle('/ledger', '{"title":"培训"}', 201);
    const second = keys.keyFor('/ledger', '{"title":"培训"}');
    expect(second).not.toBe(first);
    // A corrected form is another submission, and a refusal closes the attempt.
    expect(keys.keyFor('/ledger', '{"title":"培训2"}')).not.toBe(second);
    keys.settle('/ledger', '{"title":"培训2"}', 400);
    expect(keys.keyFor('/ledger', '{"title":"培训2"}')).not.toBe(second);
  });

  it('makes keys the server accepts', () => {
    expect(newIdempotencyKey()).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
