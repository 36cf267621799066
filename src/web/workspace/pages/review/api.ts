import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationDetail,
  CorrectionItem,
  StaffListOrder,
  StaffListSort,
} from '../../../../shared/api/applications';
import { api } from '../../../api/client';
import type { Application, StaffApplications } from '../../../api/types';

const REVIEW_KEY = ['review', 'applications'] as const;

export interface ReviewListFilter {
  status?: string;
  q?: string;
  sort: StaffListSort;
  order: StaffListOrder;
  /** The `nextCursor` of the page before; none for the first page. */
  cursor?: string;
  limit: number;
}

/** A keyset page of the department's applications (the server names the next page's cursor). */
export function useDepartmentApplications(filter: ReviewListFilter) {
  const query = new URLSearchParams({ sort: filter.sort, order: filter.order, limit: String(filter.limit) });
  for (const key of ['status', 'q', 'cursor'] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  return useQuery({
    queryKey: [...REVIEW_KEY, filter],
    queryFn: () => api<StaffApplications>(`/api/applications?${query}`),
    placeholderData: keepPreviousData,
  });
}

/** The whole filtered list as an XLSX download (a plain link: a GET needs no CSRF header). */
export function exportUrl(filter: Pick<ReviewListFilter, 'status' | 'q' | 'sort' | 'order'>): string {
  const query = new URLSearchParams({ sort: filter.sort, order: filter.order });
  if (filter.status) query.set('status', filter.status);
  if (filter.q) query.set('q', filter.q);
  return `/api/applications/export?${query}`;
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
    mutationFn: ({
      id,
      action,
      ...body
    }: {
      id: string;
      action: IntakeAction;
      reason?: string;
      items?: CorrectionItem[];
      workdays?: number;
    }) => api<Application>(`${applicationUrl(id)}/${action}`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: REVIEW_KEY }),
  });
}
