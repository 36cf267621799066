// The signed-in user, read once and shared by every page through the query cache.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { SessionResponse } from './types';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => api<SessionResponse>('/api/session'),
    staleTime: 60_000,
  });
}
