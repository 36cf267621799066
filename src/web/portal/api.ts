// Public reads of the portal: programs, notices and the published award lists (公示).
import { useQuery } from '@tanstack/react-query';
import type { PublicityList } from '../../shared/awards';
import { api } from '../api/client';
import type { Notice, PublicProgram, PublicProgramDetail } from '../api/types';

export function usePublicPrograms() {
  return useQuery({
    queryKey: ['public', 'programs'],
    queryFn: () => api<PublicProgram[]>('/api/public/programs'),
  });
}

export function usePublicProgram(code: string) {
  return useQuery({
    queryKey: ['public', 'programs', code],
    queryFn: () =>
      api<PublicProgramDetail>(`/api/public/programs/${encodeURIComponent(code)}`, { notify: false }),
  });
}

export function usePublicNotices() {
  return useQuery({ queryKey: ['public', 'notices'], queryFn: () => api<Notice[]>('/api/public/notices') });
}

/** The published award lists; the page shows its own error, so no toast. */
export function usePublicPublicity() {
  return useQuery({
    queryKey: ['public', 'publicity'],
    queryFn: () => api<PublicityList[]>('/api/public/publicity', { notify: false }),
  });
}
