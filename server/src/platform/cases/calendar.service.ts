// Reading and editing the working-day calendar; an edit replaces one year and is audited in its transaction.
import type { TCalendarPut, TCalendarYear } from '@gonghui/common';
import type { Ctx } from '../authz/index.ts';
import { originOf, recordAudit } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { invalid } from '../http/index.ts';
import * as repo from './calendar.repo.ts';

export function createCalendarService({ db }: { db: Db }) {
  return {
    async get(year: number): Promise<TCalendarYear> {
      return { year, ...(await repo.listYear(db, year)) };
    },

    async put(ctx: Ctx, year: number, input: TCalendarPut): Promise<TCalendarYear> {
      const seen = new Set<string>();
      for (const d of input.days) {
        if (!d.date.startsWith(`${year}-`)) throw invalid('days', `日期 ${d.date} 不在 ${year} 年内`);
        if (seen.has(d.date)) throw invalid('days', `日期 ${d.date} 重复`);
        seen.add(d.date);
      }
      const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
      return db.transaction(async (tx) => {
        const before = await repo.listYear(tx, year);
        await repo.replaceYear(tx, year, input.provisional, days, ctx.actor.userId);
        await recordAudit(tx, originOf(ctx), {
          action: 'calendar.update',
          orgId: ctx.actor.orgId,
          orgPath: ctx.actor.orgPath,
          entityType: 'calendar',
          entityId: year,
          before,
          after: { provisional: input.provisional, days },
        });
        return { year, provisional: input.provisional, days };
      });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
