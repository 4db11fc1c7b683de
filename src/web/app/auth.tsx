/**
 * Who is logged in. The session lives in an HttpOnly cookie the page cannot read, so the current user is asked of
 * the server (GET /auth/me, which answers `{ user: null }` to an anonymous visitor) at start; login and logout update
 * it, and a 401 from any other call clears it.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, onUnauthenticated, setCsrfToken } from './api';
import type { CurrentUser, SecondFactorChallenge, SessionInfo, SessionProbe } from './types';

interface AuthState {
  /** The logged-in user, or null. */
  user: CurrentUser | null;
  /** True until the first /auth/me answer. */
  loading: boolean;
  /** The password step: logged in, or (second factor enabled) the challenge of the code step. */
  login(username: string, password: string): Promise<CurrentUser | SecondFactorChallenge>;
  /** The code step of a two-step login. */
  completeSecondFactor(challenge: string, code: string): Promise<CurrentUser>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(true);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
  }, []);

  useEffect(() => onUnauthenticated(clear), [clear]);

  useEffect(() => {
    let cancelled = false;
    api
      .get<SessionProbe>('/auth/me', undefined, { expect401: true })
      .then((session) => {
        if (cancelled) return;
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      })
      .catch((error: unknown) => {
        if (!cancelled) console.error(error);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api.post<SessionInfo | SecondFactorChallenge>(
      '/auth/login',
      { username, password },
      { expect401: true },
    );
    if ('secondFactorRequired' in answer) return answer;
    setCsrfToken(answer.csrfToken);
    setUser(answer.user);
    return answer.user;
  }, []);

  const completeSecondFactor = useCallback(async (challenge: string, code: string) => {
    const session = await api.post<SessionInfo>('/auth/login/second-factor', { challenge, code }, { expect401: true });
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post<null>('/auth/logout', undefined, { expect401: true });
    } finally {
      clear();
    }
  }, [clear]);

  const value = useMemo(
    () => ({ user, loading, login, completeSecondFactor, logout }),
    [user, loading, login, completeSecondFactor, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}

/** The logged-in user; only for components rendered behind the login guard. */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser called without a logged-in user');
  return user;
}
