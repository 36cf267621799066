// The official working-day calendar: staff read the stored years, an administrator adds or corrects one, and
// anyone may ask where a period of working days ends (the portal's deadline and 公示 dates).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listCalendarYears } from '../../db/repos/calendar.repo';
import {
  calendarYearBody,
  calendarYearListResponse,
  calendarYearParams,
  calendarYearSchema,
  workdaysQuery,
  workdaysResponse,
} from '../../shared/api/calendar';
import type { ServerDeps } from '../deps';
import { requestContext } from '../use-case';
import { presentCalendarYear } from './calendar.presenter';
import { setCalendarYear } from './set-calendar-year';
import { addDays } from './workday-calendar';

export const calendarRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, deps) => {
  app.get(
    '/api/calendar/years',
    {
      config: { action: 'calendar.read' },
      schema: {
        operationId: 'listCalendarYears',
        tags: ['calendar'],
        response: { 200: calendarYearListResponse },
      },
    },
    async () => (await listCalendarYears(deps.db.orm)).map(presentCalendarYear),
  );

  app.put(
    '/api/admin/calendar/years/:year',
    {
      config: { action: 'calendar.manage' },
      schema: {
        operationId: 'setCalendarYear',
        tags: ['admin'],
        params: calendarYearParams,
        body: calendarYearBody,
        response: { 200: calendarYearSchema },
      },
    },
    async (request) => {
      const { row } = await setCalendarYear(requestContext(deps, request), {
        year: request.params.year,
        ...request.body,
      });
      return presentCalendarYear(row);
    },
  );

  app.get(
    '/api/calendar/workdays',
    {
      config: { action: 'public' },
      schema: {
        operationId: 'countWorkdays',
        tags: ['public'],
        querystring: workdaysQuery,
        response: { 200: workdaysResponse },
      },
    },
    async (request) => addDays(deps.db.orm, request.query),
  );
};
