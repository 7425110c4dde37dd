// SPDX-License-Identifier: EUPL-1.2
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client.js';
import type { Omgeving, Sessie } from '../api/types.js';

interface SessionContextValue {
  /** undefined = nog aan het laden, null = niet ingelogd. */
  session: Sessie | null | undefined;
  omgeving: Omgeving | null;
  setSession: (session: Sessie | null) => void;
  refresh: () => Promise<void>;
  refreshOmgeving: () => Promise<void>;
  logout: () => Promise<void>;
  hasRecht: (recht: string) => boolean;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Sessie | null | undefined>(undefined);
  const [omgeving, setOmgeving] = useState<Omgeving | null>(null);

  const setSession = useCallback((next: Sessie | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSessionState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setSession(await api.get<Sessie>('/sessies/huidig'));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setSession(null);
      else setSession(null);
    }
  }, [setSession]);

  const refreshOmgeving = useCallback(async () => {
    try {
      setOmgeving(await api.get<Omgeving>('/omgeving'));
    } catch {
      setOmgeving(null);
    }
  }, []);

  const logout = useCallback(async () => {
    await api.delete('/sessies/huidig');
    setSession(null);
  }, [setSession]);

  useEffect(() => {
    void refreshOmgeving();
    void refresh();
  }, [refresh, refreshOmgeving]);

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      omgeving,
      setSession,
      refresh,
      refreshOmgeving,
      logout,
      hasRecht: (recht: string) => session?.status === 'actief' && session.rechten.includes(recht),
    }),
    [session, omgeving, setSession, refresh, refreshOmgeving, logout],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession buiten SessionProvider');
  return value;
}

/** Geeft de actieve sessie; alleen bruikbaar binnen beveiligde routes. */
export function useActiveSession(): Sessie {
  const { session } = useSession();
  if (!session) throw new Error('Geen actieve sessie');
  return session;
}
