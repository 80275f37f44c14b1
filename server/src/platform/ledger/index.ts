// 资金台账: the only public surface of platform/ledger.
export { disburse, reverse, totals, type DisburseInput, type LedgerEntryRow, type LedgerTotals } from './ledger.service.ts';
export { registerLedgerRoutes } from './ledger.routes.ts';
