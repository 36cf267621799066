import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApproveAwardsBody,
  AwardCalculation,
  Objection,
  PublicityList,
  ResolveObjectionBody,
} from '../../../../shared/awards';
import { api } from '../../../api/client';

// Everything of one call sits under one key: a decision on any part (a calculation, a publication, a resolved
// objection, the approval) changes what the others show, so each refreshes the whole call.
const callKey = (callId: string) => ['calls', callId] as const;
const callUrl = (callId: string) => `/api/calls/${encodeURIComponent(callId)}`;

/** The latest calculation. Not found is an answer the page words itself (not calculated yet), so no toast. */
export function useCallAwards(callId: string) {
  return useQuery({
    queryKey: [...callKey(callId), 'awards'],
    queryFn: () => api<AwardCalculation>(`${callUrl(callId)}/awards`, { notify: false }),
  });
}

export function useCallObjections(callId: string) {
  return useQuery({
    queryKey: [...callKey(callId), 'objections'],
    queryFn: () => api<{ items: Objection[] }>(`${callUrl(callId)}/objections`),
  });
}

/** A step's refusal is shown beside its button in the server's words (no toast). */
function useCallStep<Input, Output>(callId: string, request: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => client.invalidateQueries({ queryKey: callKey(callId) }),
  });
}

export function useCalculateAwards(callId: string) {
  return useCallStep(callId, () =>
    api<AwardCalculation>(`${callUrl(callId)}/calculate`, { method: 'POST', body: {}, notify: false }),
  );
}

export function usePublicizeAwards(callId: string) {
  return useCallStep(callId, () =>
    api<PublicityList>(`${callUrl(callId)}/publicize`, { method: 'POST', body: {}, notify: false }),
  );
}

export function useApproveAwards(callId: string) {
  return useCallStep(callId, (body: ApproveAwardsBody) =>
    api<AwardCalculation>(`${callUrl(callId)}/approve`, { method: 'POST', body, notify: false }),
  );
}

export function useResolveObjection(callId: string) {
  return useCallStep(callId, ({ id, ...body }: ResolveObjectionBody & { id: string }) =>
    api<Objection>(`/api/objections/${encodeURIComponent(id)}/resolve`, {
      method: 'POST',
      body,
      notify: false,
    }),
  );
}
