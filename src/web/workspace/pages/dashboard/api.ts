import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { StaffProgram, StaffProgramDetail } from '../../../api/types';

export function usePrograms() {
  return useQuery({ queryKey: ['programs'], queryFn: () => api<StaffProgram[]>('/api/programs') });
}

export function useProgram(code: string) {
  return useQuery({
    queryKey: ['programs', code],
    queryFn: () => api<StaffProgramDetail>(`/api/programs/${encodeURIComponent(code)}`, { notify: false }),
  });
}
