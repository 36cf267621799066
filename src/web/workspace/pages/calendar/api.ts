import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalendarYear,
  CalendarYearBody,
  CalendarYearListResponse,
  WorkdaysQuery,
  WorkdaysResponse,
} from '../../../../shared/api/calendar';
import { api } from '../../../api/client';

const CALENDAR_KEY = ['calendar'] as const;

export function useCalendarYears() {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'years'],
    queryFn: () => api<CalendarYearListResponse>('/api/calendar/years'),
  });
}

/**
 * Adds or corrects a year. A 422 lists every problem with its path and the form shows them, so no toast.
 * Every cached answer of the calendar (years and computed periods) is stale after a save.
 */
export function useSetCalendarYear() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...body }: CalendarYearBody & { year: number }) =>
      api<CalendarYear>(`/api/admin/calendar/years/${encodeURIComponent(String(year))}`, {
        method: 'PUT',
        body,
        notify: false,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: CALENDAR_KEY }),
  });
}

/** Where a period ends; asked only once the calculator has a question. Errors are shown beside it. */
export function usePeriodEnd(query: WorkdaysQuery | null) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, 'workdays', query],
    queryFn: query
      ? () => {
          const params = new URLSearchParams({ start: query.start, n: String(query.n), kind: query.kind });
          return api<WorkdaysResponse>(`/api/calendar/workdays?${params}`, { notify: false });
        }
      : skipToken,
  });
}
