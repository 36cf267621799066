import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { SESSION_KEY } from '../../../api/session';
import type { ChangePasswordBody, TotpSetupResponse } from '../../../api/types';

export function useTotpSetup() {
  return useMutation({
    mutationFn: () => api<TotpSetupResponse>('/api/auth/totp/setup', { method: 'POST' }),
  });
}

/** Enable or disable TOTP with a current code; the session is re-read so the gate and badges follow. */
export function useTotpChange(change: 'enable' | 'disable') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<void>(`/api/auth/totp/${change}`, { method: 'POST', body: { code } }),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** Ends this session, or every session of the user, then leaves the workspace. */
export async function signOut(everywhere: boolean): Promise<void> {
  await api<void>(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', { method: 'POST' });
  window.location.assign('/');
}

/**
 * Changes the signed-in user's password; the server renews the session (and its CSRF cookie), and the
 * session is re-read so a lifted "must change" flag opens the workspace.
 */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      api<void>('/api/me/password', { method: 'PUT', body, notify: false }),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
