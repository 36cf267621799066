import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../shared/roles';
import { api } from '../../../api/client';
import type {
  AdminUserListResponse,
  CreateUserBody,
  ResetPasswordBody,
  ResetPasswordResponse,
  UserResponse,
} from '../../../api/types';

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

/** Disable, enable or unlock one user; each answers 204. */
export function useUserAction(action: 'disable' | 'enable' | 'unlock') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/api/admin/users/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useChangeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      api<void>(`/api/admin/users/${encodeURIComponent(id)}/role`, { method: 'PUT', body: { role } }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Resets a password to the one typed, or to a temporary one the server makes and answers once. */
export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResetPasswordBody }) =>
      api<ResetPasswordResponse>(`/api/admin/users/${encodeURIComponent(id)}/reset-password`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
