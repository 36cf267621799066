// Public reads of the portal: programs and notices.
import { useQuery } from '@tanstack/react-query';
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
