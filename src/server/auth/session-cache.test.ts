import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';
import type { ActiveSession } from './sessions';

const session = (sessionId: string, userId: string, expiresAt = 10_000_000): ActiveSession => ({
  sessionId,
  csrfToken: 'csrf',
  expiresAt: new Date(expiresAt),
  actor: {
    id: userId,
    username: userId,
    displayName: userId,
    role: 'officer',
    unitId: null,
    jurisdictionCode: '310107',
    jurisdictionPath: '000000.310000.310107.',
    jurisdictionLevel: 'district',
  },
});

describe('session cache', () => {
  it('serves a copy for its lifetime only, and never past the session’s own expiry', () => {
    let now = 1_000;
    const cache = new SessionCache(2_000, 100, () => now);
    cache.set(session('s1', 'u1'));
    cache.set(session('s2', 'u2', 2_500));
    now = 2_499;
    expect(cache.get('s1')?.actor.id).toBe('u1');
    expect(cache.get('s2')?.actor.id).toBe('u2');
    now = 2_500;
    expect(cache.get('s2')).toBeNull();
    now = 2_999;
    expect(cache.get('s1')?.actor.id).toBe('u1');
    now = 3_000;
    expect(cache.get('s1')).toBeNull();
  });

  it('drops one session, or every session of one account, at once', () => {
    const cache = new SessionCache(2_000, 100, () => 0);
    cache.set(session('a1', 'alice'));
    cache.set(session('a2', 'alice'));
    cache.set(session('b1', 'bob'));
    cache.forgetSession('b1');
    expect(cache.get('b1')).toBeNull();
    cache.forgetUser('alice');
    expect(cache.get('a1')).toBeNull();
    expect(cache.get('a2')).toBeNull();
  });

  it('keeps nothing when turned off, and at most its size, dropping the oldest', () => {
    const off = new SessionCache(0, 100, () => 0);
    off.set(session('s1', 'u1'));
    expect(off.get('s1')).toBeNull();
    const small = new SessionCache(2_000, 2, () => 0);
    small.set(session('s1', 'u1'));
    small.set(session('s2', 'u2'));
    small.set(session('s3', 'u3'));
    expect(small.get('s1')).toBeNull();
    expect(small.get('s2')?.actor.id).toBe('u2');
    expect(small.get('s3')?.actor.id).toBe('u3');
  });
});
