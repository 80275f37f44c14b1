// Routes every case type shares: the caller's to-dos and the working-day calendar. Each type's own routes (e.g.
// /transfers) live in its module and call the type's handle.
import { ZCalendarPut, ZCalendarYear, ZTodoList, zCalendarYear } from '@gonghui/common';
import { z } from 'zod';
import { ctxOf } from '../authz/index.ts';
import type { HttpApp } from '../http/index.ts';
import type { CalendarService } from './calendar.service.ts';
import type { CaseKernel } from './kernel.ts';

const ZYearParams = z.strictObject({ year: zCalendarYear });
/** The calendar is shared by every org: a year is no object in anyone's subtree. */
const scope = { year: { none: 'a calendar year, shared by every org' } };

export function registerCaseRoutes(app: HttpApp, kernel: CaseKernel, calendar: CalendarService): void {
  app.get('/api/v1/todos', {
    schema: { operationId: 'listTodos', tags: ['cases'], response: { 200: ZTodoList } },
    // Any cadre: the list is built from the types whose read permission the caller holds, within their scope.
    config: { authenticated: true },
    handler: async (req) => ({ items: await kernel.todos(ctxOf(req)) }),
  });
  app.get('/api/v1/calendar/:year', {
    schema: { operationId: 'getCalendar', tags: ['cases'], params: ZYearParams, response: { 200: ZCalendarYear } },
    // Public holidays are no secret; every cadre's deadlines are counted in them.
    config: { authenticated: true, scope },
    handler: async (req) => calendar.get(req.params.year),
  });
  app.put('/api/v1/calendar/:year', {
    schema: { operationId: 'putCalendar', tags: ['cases'], params: ZYearParams, body: ZCalendarPut, response: { 200: ZCalendarYear } },
    config: { permission: 'calendar:manage', scope },
    handler: async (req) => calendar.put(ctxOf(req), req.params.year, req.body),
  });
}
