// The appeals ledger (职工诉求台账) as an xlsx file: the list's filter, always masked — the content cut short as the
// list shows it, the contact's name and phone masked — formula-looking cells escaped, and a totals row.
import ExcelJS from 'exceljs';
import {
  APPEAL_CATEGORY_LABELS,
  APPEAL_CHANNEL_LABELS,
  APPEAL_SATISFACTION_LABELS,
  APPEAL_STATUS_LABELS,
  type TAppeal,
} from '@gonghui/common';
import { safeCell } from '../../platform/excel/index.ts';

const COLUMNS = [
  { header: '编号', key: 'number', width: 18 },
  { header: '受理日期', key: 'receivedAt', width: 12 },
  { header: '受理工会', key: 'org', width: 28 },
  { header: '责任工会', key: 'responsible', width: 28 },
  { header: '诉求渠道', key: 'channel', width: 10 },
  { header: '诉求类别', key: 'category', width: 12 },
  { header: '诉求内容（摘要）', key: 'excerpt', width: 36 },
  { header: '联系人', key: 'contactName', width: 10 },
  { header: '联系电话', key: 'contactPhone', width: 14 },
  { header: '状态', key: 'status', width: 8 },
  { header: '办理时限', key: 'dueAt', width: 12 },
  { header: '办理时限情况', key: 'sla', width: 14 },
  { header: '上报次数', key: 'escalations', width: 8 },
  { header: '办结日期', key: 'closedAt', width: 12 },
  { header: '按时办结', key: 'onTime', width: 8 },
  { header: '满意度', key: 'satisfaction', width: 10 },
];

const text = (v: string | null) => (v === null ? '' : safeCell(v));

/** 剩余N个工作日 / 今日到期 / 逾期N个工作日 / 已办结. */
export function slaText(a: Pick<TAppeal, 'status' | 'remainingDays' | 'overdueDays' | 'overdue'>): string {
  if (a.status === 'closed') return '已办结';
  if (a.overdue) return `逾期${a.overdueDays}个工作日`;
  if (a.remainingDays === null) return '';
  return a.remainingDays === 0 ? '今日到期' : `剩余${a.remainingDays}个工作日`;
}

export async function appealsWorkbook(rows: TAppeal[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('职工诉求台账');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  for (const key of ['number', 'contactPhone']) ws.getColumn(key).numFmt = '@';
  for (const a of rows) {
    ws.addRow({
      number: a.number,
      receivedAt: a.receivedAt,
      org: text(a.org.name),
      responsible: text(a.responsibleOrg.name),
      channel: APPEAL_CHANNEL_LABELS[a.channel],
      category: APPEAL_CATEGORY_LABELS[a.category],
      excerpt: text(a.excerpt),
      contactName: text(a.contactName),
      contactPhone: a.contactPhone ?? '',
      status: APPEAL_STATUS_LABELS[a.status],
      dueAt: a.dueAt ?? '',
      sla: slaText(a),
      escalations: a.escalations,
      closedAt: a.closedAt ?? '',
      onTime: a.onTime === null ? '' : a.onTime ? '是' : '否',
      satisfaction: a.satisfaction ? APPEAL_SATISFACTION_LABELS[a.satisfaction] : '',
    });
  }
  const closed = rows.filter((a) => a.status === 'closed');
  const onTime = closed.filter((a) => a.onTime).length;
  const total = ws.addRow({ number: `合计 ${rows.length} 件`, closedAt: `办结 ${closed.length} 件`, onTime: `按时 ${onTime} 件` });
  total.font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
