import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationDetail, Material } from '../../../../shared/api/applications';
import type { MaterialKind } from '../../../../shared/materials';
import { api } from '../../../api/client';
import type { Application, OpenCall } from '../../../api/types';
import { uploadFile } from '../../../lib/upload';

// Details sit under the list's key: whatever refreshes the list refreshes them too.
const APPLICATIONS_KEY = ['my', 'applications'] as const;
const detailKey = (id: string) => [...APPLICATIONS_KEY, id] as const;
const applicationUrl = (id: string) => `/api/my/applications/${encodeURIComponent(id)}`;

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
      api<Application>(applicationUrl(id), {
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
      api<Application>(`${applicationUrl(id)}/${action}`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: APPLICATIONS_KEY }),
  });
}

/** The application with its history, materials, checklist and commitment. */
export function useApplicationDetail(id: string, enabled = true) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => api<ApplicationDetail>(applicationUrl(id)),
    enabled,
  });
}

/** Where the applicant downloads one of its materials (a plain link: a GET needs no CSRF header). */
export function myMaterialUrl(applicationId: string, materialId: string): string {
  return `${applicationUrl(applicationId)}/materials/${encodeURIComponent(materialId)}`;
}

/** Sends one file as a material of the given kind; the caller shows progress and the refusal itself. */
export function uploadMaterial(
  applicationId: string,
  kind: MaterialKind,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Material> {
  const query = new URLSearchParams({ kind, name: file.name });
  return uploadFile<Material>(`${applicationUrl(applicationId)}/materials?${query}`, file, { onProgress });
}

/** Refreshes the application (and the list) after one of its materials changed. */
export function useMaterialsChanged() {
  const client = useQueryClient();
  return (applicationId: string) => client.invalidateQueries({ queryKey: detailKey(applicationId) });
}

export function useRemoveMaterial() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ applicationId, materialId }: { applicationId: string; materialId: string }) =>
      api<undefined>(myMaterialUrl(applicationId, materialId), { method: 'DELETE' }),
    onSuccess: (_, { applicationId }) => client.invalidateQueries({ queryKey: detailKey(applicationId) }),
  });
}

export function useSignCommitment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ applicationId, signerName }: { applicationId: string; signerName: string }) =>
      api<ApplicationDetail>(`${applicationUrl(applicationId)}/commitment`, {
        method: 'POST',
        body: { accepted: true, signerName },
      }),
    // Signing moves the application to a new version: the list's copy (the figures form's base) is stale.
    onSuccess: (detail) => {
      client.setQueryData(detailKey(detail.id), detail);
      return client.invalidateQueries({ queryKey: APPLICATIONS_KEY, exact: true });
    },
  });
}
