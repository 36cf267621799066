import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { AdminUserListResponse, CreateUserBody, UserResponse } from '../../../api/types';

const USERS_KEY = ['admin', 'users'] as const;

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: () => api<AdminUserListResponse>('/api/admin/users') });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api<UserResponse>('/api/admin/users', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Disable or unlock one user; both answer 204. */
export function useUserAction(action: 'disable' | 'unlock') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/api/admin/users/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
