/**
 * Resolved sessions kept by one app instance for a few seconds, so a user's burst of requests (a page sends several)
 * costs one session lookup instead of one each. Sessions stay in the database, the only truth every instance shares;
 * this is a read-through copy with a short lifetime:
 * - on the instance that ends a session or changes an account (logout, disable, password reset, role or binding
 *   change) the entries are dropped at once, so that instance refuses the very next request;
 * - other instances keep serving their copy until it is `ttlMs` old: that is the revocation latency across instances
 *   (SESSION_CACHE_SECONDS, default 2 s; 0 turns the cache off). See docs/ARCHITECTURE.md, Decisions.
 * Only live sessions are kept (an unknown cookie is looked up every time, and costs no memory), never past the
 * session's own expiry, and at most `maxEntries` at a time (the oldest go first).
 */
import type { ActiveSession } from './sessions';

interface Entry {
  session: ActiveSession;
  /** When the copy stops being used: `ttlMs` after it was read, or the session's expiry if that is sooner. */
  until: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The copy of session `sessionId` (the token's hash), if it is fresh. */
  get(sessionId: string): ActiveSession | null {
    const entry = this.entries.get(sessionId);
    if (!entry) return null;
    if (this.now() >= entry.until) {
      this.entries.delete(sessionId);
      return null;
    }
    return entry.session;
  }

  /** Keeps a session just read from the database. */
  set(session: ActiveSession): void {
    if (!this.enabled) return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest copy.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(session.sessionId);
    this.entries.set(session.sessionId, {
      session,
      until: Math.min(this.now() + this.ttlMs, session.expiresAt.getTime()),
    });
  }

  /** The session ended here (logout). */
  forgetSession(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** The account changed here (disabled, password reset, role, unit or jurisdiction): all its sessions re-read. */
  forgetUser(userId: string): void {
    for (const [id, entry] of this.entries) if (entry.session.actor.id === userId) this.entries.delete(id);
  }
}
