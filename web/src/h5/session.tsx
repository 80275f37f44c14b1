// The logged-in member (GET /h5/me): undefined while loading, null when not logged in.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { h5Api, type MeProfile } from './api.ts';
import { isUnauthorized } from './errors.ts';

interface SessionState {
  me: MeProfile | null | undefined;
  /** Set when /me failed for another reason than "not logged in" (network, server). */
  error: unknown;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState>({
  me: undefined,
  error: undefined,
  refresh: async () => undefined,
  logout: async () => undefined,
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeProfile | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const refresh = useCallback(async () => {
    try {
      setMe(await h5Api.me());
      setError(undefined);
    } catch (e) {
      setMe(null);
      setError(isUnauthorized(e) ? undefined : e);
    }
  }, []);
  const logout = useCallback(async () => {
    await h5Api.logout().catch(() => undefined);
    setMe(null);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ me, error, refresh, logout }), [me, error, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
