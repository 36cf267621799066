import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { SimulationResponse } from '../../../api/types';

export interface SimulationRequest {
  program: unknown;
  applicantsCsv: string;
  compare?: unknown;
}

/** CSV and program errors come back as 422 with details; the page lists them, so no toast. */
export function useRunSimulation() {
  return useMutation({
    mutationFn: (body: SimulationRequest) =>
      api<SimulationResponse>('/api/simulations', { method: 'POST', body, notify: false }),
  });
}
