// Thin routes for indicators and statistics; each declares its schemas and permission, then calls the service.
import { z } from 'zod';
import { ZChildStats, ZChildStatsQuery, ZIndicator, ZStats, ZStatsQuery, ZTrend, ZTrendQuery } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { sendXlsx, type HttpApp } from '../../platform/http/index.ts';
import { childStatsWorkbook } from './stats.export.ts';
import type { StatsService } from './stats.service.ts';

const tags = ['stats'];

export function registerStatsRoutes(app: HttpApp, svc: StatsService): void {
  app.get('/api/v1/indicators', {
    schema: { operationId: 'listIndicators', tags, response: { 200: z.array(ZIndicator) } },
    config: { permission: 'stats:read' },
    handler: async () => svc.indicators(),
  });

  app.get('/api/v1/stats', {
    schema: { operationId: 'getStats', tags, querystring: ZStatsQuery, response: { 200: ZStats } },
    config: { permission: 'stats:read' },
    handler: async (req) => svc.stats(ctxOf(req), req.query),
  });

  app.get('/api/v1/stats/children', {
    schema: { operationId: 'getChildStats', tags, querystring: ZChildStatsQuery, response: { 200: ZChildStats } },
    config: { permission: 'stats:read' },
    handler: async (req) => svc.childStats(ctxOf(req), req.query),
  });

  app.get('/api/v1/stats/children/export', {
    schema: { operationId: 'exportChildStats', tags, querystring: ZChildStatsQuery },
    config: { permission: 'stats:read' },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const org = await svc.orgOf(ctx, req.query.orgId);
      const data = await svc.childStats(ctx, req.query);
      const byKey = new Map(svc.indicators().map((i) => [i.key, i]));
      const file = await childStatsWorkbook(org.name, data, byKey);
      return sendXlsx(reply, { ascii: `stats-${data.from}-${data.to}.xlsx`, shown: `分单位统计-${data.from}-${data.to}.xlsx` }, file);
    },
  });

  app.get('/api/v1/stats/trend', {
    schema: { operationId: 'getStatsTrend', tags, querystring: ZTrendQuery, response: { 200: ZTrend } },
    config: { permission: 'stats:read' },
    handler: async (req) => svc.trend(ctxOf(req), req.query),
  });
}
