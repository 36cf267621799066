import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Application, OpenCall } from '../../../api/types';

const APPLICATIONS_KEY = ['my', 'applications'] as const;

export function useOpenCalls() {
  return useQuery({ queryKey: ['my', 'calls'], queryFn: () => api<OpenCall[]>('/api/my/calls') });
}

export function useMyApplications() {
  return useQuery({ queryKey: APPLICATIONS_KEY, queryFn: () => api<Application[]>('/api/my/applications') });
}

export function useStartApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { callId: string; clause: string }) =>
      api<Application>('/api/my/applications', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: APPLICATIONS_KEY }),
  });
}

export function useSaveDeclared() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      declared,
      version,
    }: {
      id: string;
      declared: Record<string, string>;
      version: number;
    }) =>
      api<Application>(`/api/my/applications/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: { declared, version },
        notify: false,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: APPLICATIONS_KEY }),
  });
}

/** Submit, withdraw or resubmit; answers the application as it now stands. */
export function useApplicantAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'submit' | 'withdraw' | 'resubmit' }) =>
      api<Application>(`/api/my/applications/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: APPLICATIONS_KEY }),
  });
}
