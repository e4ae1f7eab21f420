import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, session } from '../api/client';
import type { AuthResult, Me } from '../api/types';

interface AuthState {
  /** undefined while the stored session is being restored. */
  me: Me | null | undefined;
  signIn: (result: AuthResult) => void;
  signOut: () => Promise<void>;
  reload: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Restores the session from the stored refresh token at start, and follows sign-in and sign-out. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const queryClient = useQueryClient();

  const reload = useCallback(async () => {
    setMe(await api<Me>('/auth/me'));
  }, []);

  useEffect(() => {
    let live = true;
    const restore = async (): Promise<void> => {
      if (!session.hasRefreshToken() || !(await session.refresh())) {
        if (live) setMe(null);
        return;
      }
      const current = await api<Me>('/auth/me').catch(() => null);
      if (live) setMe(current);
    };
    void restore();
    const stop = session.onChange((signedIn) => {
      if (!signedIn) setMe(null);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      me,
      signIn(result) {
        session.start(result.tokens);
        setMe({ user: result.user, organisation: result.organisation });
      },
      async signOut() {
        const refreshToken = localStorage.getItem('kz.refreshToken');
        if (refreshToken) {
          await api('/auth/logout', { method: 'POST', body: { refreshToken }, anonymous: true }).catch(() => undefined);
        }
        session.end();
        queryClient.clear();
      },
      reload,
    }),
    [me, queryClient, reload],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user and organisation; only inside the signed-in layout. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
