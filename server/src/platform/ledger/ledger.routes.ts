// Read-only routes of the ledger (资金台账); case modules write through disburse()/reverse() in their own transactions.
import { ZLedgerEntry, ZLedgerListQuery, ZLedgerTotals, ZLedgerTotalsQuery, page } from '@gonghui/common';
import { ctxOf } from '../authz/index.ts';
import type { Db } from '../db/index.ts';
import type { HttpApp } from '../http/index.ts';
import { listEntries, totalsFor } from './ledger.service.ts';

const tags = ['ledger'];

export function registerLedgerRoutes(app: HttpApp, db: Db): void {
  app.get('/api/v1/ledger', {
    schema: { operationId: 'listLedger', tags, querystring: ZLedgerListQuery, response: { 200: page(ZLedgerEntry) } },
    config: { permission: 'ledger:read' },
    handler: async (req) => listEntries(db, ctxOf(req), req.query),
  });

  app.get('/api/v1/ledger/totals', {
    schema: { operationId: 'ledgerTotals', tags, querystring: ZLedgerTotalsQuery, response: { 200: ZLedgerTotals } },
    config: { permission: 'ledger:read' },
    handler: async (req) => totalsFor(db, ctxOf(req), req.query),
  });
}
