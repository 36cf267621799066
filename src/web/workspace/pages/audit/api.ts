import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { AuditEventsResponse, AuditVerifyResponse } from '../../../api/types';

export interface AuditFilter {
  actor: string;
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

const PAGE = 100;

/** The newest events matching the filter, older pages fetched on demand (keyset cursor). */
export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: AuditEventsResponse) => last.nextBefore,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (filter.actor.trim()) params.set('actor', filter.actor.trim());
      for (const key of ['action', 'entityType', 'from', 'to'] as const) {
        const value = filter[key];
        if (value) params.set(key, value);
      }
      if (pageParam) params.set('before', pageParam);
      return api<AuditEventsResponse>(`/api/audit/events?${params}`);
    },
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api<AuditVerifyResponse>('/api/audit/verify', { method: 'POST' }) });
}
