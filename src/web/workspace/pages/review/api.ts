import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationDetail } from '../../../../shared/api/applications';
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

const applicationUrl = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

/** One application with its history, materials, checklist and commitment. */
export function useDepartmentApplication(id: string) {
  return useQuery({
    queryKey: [...REVIEW_KEY, id],
    queryFn: () => api<ApplicationDetail>(applicationUrl(id)),
  });
}

/** Where staff download a material (a plain link: a GET needs no CSRF header). */
export function materialUrl(applicationId: string, materialId: string): string {
  return `${applicationUrl(applicationId)}/materials/${encodeURIComponent(materialId)}`;
}

export type IntakeAction = 'pass_intake' | 'return' | 'reject';

export function useIntakeDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: IntakeAction; reason?: string }) =>
      api<Application>(`${applicationUrl(id)}/${action}`, {
        method: 'POST',
        body: reason === undefined ? {} : { reason },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: REVIEW_KEY }),
  });
}
