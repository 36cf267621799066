import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Enterprise, EnterpriseListResponse } from '../../../api/types';

export interface EnterpriseQuery {
  q: string;
  page: number;
  pageSize: number;
}

export function enterpriseListPath(query: EnterpriseQuery): string {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.q.trim()) params.set('q', query.q.trim());
  return `/api/enterprises?${params}`;
}

export function useEnterprises(query: EnterpriseQuery) {
  return useQuery({
    queryKey: ['enterprises', query],
    queryFn: () => api<EnterpriseListResponse>(enterpriseListPath(query)),
    placeholderData: keepPreviousData,
  });
}

/** One enterprise; a 404 is rendered by the page, so it is not also shown as a toast. */
export function useEnterprise(id: string) {
  return useQuery({
    queryKey: ['enterprises', id],
    queryFn: () => api<Enterprise>(`/api/enterprises/${encodeURIComponent(id)}`, { notify: false }),
  });
}
