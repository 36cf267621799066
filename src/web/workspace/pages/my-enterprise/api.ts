import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { MyEnterprise } from '../../../api/types';

export function useMyEnterprise() {
  return useQuery({ queryKey: ['me', 'enterprise'], queryFn: () => api<MyEnterprise>('/api/me/enterprise') });
}
