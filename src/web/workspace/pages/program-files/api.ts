import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { ImportResult, ValidateResult } from '../../../api/types';

export function useValidateProgram() {
  return useMutation({
    mutationFn: (program: unknown) =>
      api<ValidateResult>('/api/program-files/validate', { method: 'POST', body: { program } }),
  });
}

/** Import answers 422 with every error as details; the page lists them, so no toast. */
export function useImportProgram() {
  return useMutation({
    mutationFn: (program: unknown) =>
      api<ImportResult>('/api/programs/import', { method: 'POST', body: { program }, notify: false }),
  });
}

/** The page shows a refusal next to the button, so no toast. */
export async function exportProgram(code: string): Promise<unknown> {
  return api<unknown>(`/api/programs/${encodeURIComponent(code)}/export`, { notify: false });
}

/** Hands a JSON value to the browser as a file download. */
export function downloadJson(filename: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
