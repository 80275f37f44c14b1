// The assistance ledger as an xlsx file: the list's filter, always masked (ID number and phone as the list shows
// them), text cells for the masked numbers, formula-looking cells escaped, amounts in 元 with two decimals, a totals
// row (all listed entries, then those paid), streamed in batches; and the file name naming the org and the filter.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_STATUS_LABELS,
  CAMPAIGN_KIND_LABELS,
  FUND_SOURCE_LABELS,
  type AssistanceKind,
  type AssistanceStatus,
  type CampaignKind,
  type FundSource,
  type TAssistanceExportQuery,
} from '@gonghui/common';
import type { Db } from '../../platform/db/index.ts';
import { safeCell } from '../../platform/excel/index.ts';
import * as repo from './assistance.repo.ts';

const BATCH = 2000;
const YUAN = '#,##0.00';

const COLUMNS = [
  { header: '编号', key: 'number', width: 18 },
  { header: '帮扶日期', key: 'date', width: 12 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '手机号', key: 'phone', width: 15 },
  { header: '所属工会', key: 'orgName', width: 30 },
  { header: '帮扶类型', key: 'kind', width: 10 },
  { header: '经费来源', key: 'fundSource', width: 10 },
  { header: '发放金额（元）', key: 'amount', width: 14 },
  { header: '物资折价（元）', key: 'goods', width: 14 },
  { header: '活动类型', key: 'campaignKind', width: 12 },
  { header: '所属活动', key: 'campaign', width: 24 },
  { header: '状态', key: 'status', width: 8 },
  { header: '发放日期', key: 'paidAt', width: 12 },
  { header: '慰问领导', key: 'visitingLeader', width: 12 },
  { header: '备注', key: 'note', width: 30 },
];

const yuan = (fen: number) => fen / 100;
const text = (v: string | null) => (v === null ? '' : safeCell(v));

/** Writes every entry of the filter (at most `maxRows`, checked by the caller); `beforeEnd` gets the row count
 *  before the file is closed (the audit row, so no export completes without it). */
export async function writeAssistanceExport(
  db: Db,
  filter: repo.EntryFilter,
  out: Writable,
  beforeEnd: (rows: number) => Promise<void>,
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('帮扶救助台账');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  for (const key of ['number', 'idNumber', 'phone']) ws.getColumn(key).numFmt = '@';
  for (const key of ['amount', 'goods']) ws.getColumn(key).numFmt = YUAN;
  const sum = { rows: 0, amount: 0, goods: 0, paid: 0, paidAmount: 0, paidGoods: 0 };
  let after: { date: string; id: number } | undefined;
  for (;;) {
    const items = await repo.listForExport(db, filter, BATCH, after);
    for (const v of items) {
      const e = v.e;
      ws.addRow({
        number: v.number,
        date: e.date,
        name: text(e.name),
        idNumber: e.idMasked,
        phone: e.phoneMasked ?? '',
        orgName: text(v.orgName),
        kind: ASSISTANCE_KIND_LABELS[e.kind as AssistanceKind] ?? e.kind,
        fundSource: FUND_SOURCE_LABELS[e.fundSource as FundSource] ?? e.fundSource,
        amount: yuan(e.amountFen),
        goods: yuan(e.goodsFen),
        campaignKind: v.campaign ? (CAMPAIGN_KIND_LABELS[v.campaign.kind as CampaignKind] ?? v.campaign.kind) : '',
        campaign: v.campaign ? text(v.campaign.name) : '',
        status: ASSISTANCE_STATUS_LABELS[e.status as AssistanceStatus] ?? e.status,
        paidAt: e.paidAt ?? '',
        visitingLeader: text(e.visitingLeader),
        note: text(e.note),
      }).commit();
      sum.rows += 1;
      sum.amount += e.amountFen;
      sum.goods += e.goodsFen;
      if (e.status === 'paid') {
        sum.paid += 1;
        sum.paidAmount += e.amountFen;
        sum.paidGoods += e.goodsFen;
      }
    }
    const last = items[items.length - 1];
    if (items.length < BATCH || !last) break;
    after = { date: last.e.date, id: last.e.id };
  }
  const total = (label: string, amount: number, goods: number) => {
    const row = ws.addRow({ number: label, amount: yuan(amount), goods: yuan(goods) });
    row.font = { bold: true };
    row.commit();
  };
  total(`合计 ${sum.rows} 笔`, sum.amount, sum.goods);
  total(`其中已发放 ${sum.paid} 笔`, sum.paidAmount, sum.paidGoods);
  ws.commit();
  await beforeEnd(sum.rows);
  await wb.commit();
  return sum.rows;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** 帮扶救助台账-<org>-<filter in words>-<day>.xlsx, so that two downloads on one desk are told apart. */
export function assistanceExportFileName(
  orgName: string,
  q: Partial<TAssistanceExportQuery>,
  campaignName: string | null,
  stamp: string,
): string {
  const words = [orgName];
  if (q.kind) words.push(ASSISTANCE_KIND_LABELS[q.kind]);
  if (q.fundSource) words.push(FUND_SOURCE_LABELS[q.fundSource]);
  if (q.campaignId) words.push(campaignName ?? '指定活动');
  if (q.status) words.push(ASSISTANCE_STATUS_LABELS[q.status]);
  if (q.hardshipFileId) words.push('指定困难职工档案');
  if (q.from || q.to) words.push(`帮扶${q.from ?? ''}至${q.to ?? ''}`);
  if (q.paidFrom || q.paidTo) words.push(`发放${q.paidFrom ?? ''}至${q.paidTo ?? ''}`);
  const name = `帮扶救助台账-${words.join('-')}-${stamp}`.replace(UNSAFE, '_');
  return `${[...name].slice(0, 120).join('')}.xlsx`;
}
