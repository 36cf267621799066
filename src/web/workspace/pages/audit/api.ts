import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { AuditEventsResponse, AuditVerifyResponse } from '../../../api/types';

export function useAuditEvents(filter: { stream: string; limit: number }) {
  const params = new URLSearchParams({ limit: String(filter.limit) });
  if (filter.stream.trim()) params.set('stream', filter.stream.trim());
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api<AuditEventsResponse>(`/api/audit/events?${params}`),
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api<AuditVerifyResponse>('/api/audit/verify', { method: 'POST' }) });
}
