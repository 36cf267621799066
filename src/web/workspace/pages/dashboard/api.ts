import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { StaffProgram } from '../../../api/types';

export function usePrograms() {
  return useQuery({ queryKey: ['programs'], queryFn: () => api<StaffProgram[]>('/api/programs') });
}
