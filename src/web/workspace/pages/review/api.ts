import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Application, StaffApplications } from '../../../api/types';

const REVIEW_KEY = ['review', 'applications'] as const;

export function useDepartmentApplications(filter: { status?: string; page: number; pageSize: number }) {
  const query = new URLSearchParams({ page: String(filter.page), pageSize: String(filter.pageSize) });
  if (filter.status) query.set('status', filter.status);
  return useQuery({
    queryKey: [...REVIEW_KEY, filter],
    queryFn: () => api<StaffApplications>(`/api/applications?${query}`),
    placeholderData: keepPreviousData,
  });
}

export type IntakeAction = 'pass_intake' | 'return' | 'reject';

export function useIntakeDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: IntakeAction; reason?: string }) =>
      api<Application>(`/api/applications/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        body: reason === undefined ? {} : { reason },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: REVIEW_KEY }),
  });
}
