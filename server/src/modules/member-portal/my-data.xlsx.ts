// The member's own data as a workbook: one sheet per part of GET /api/v1/h5/my-data, text cells only.
import ExcelJS from 'exceljs';
import {
  MEMBER_OPTIONAL_CONSENTS,
  MEMBER_STATUS_LABELS,
  TRANSFER_STATUS_LABELS,
  type MemberStatus,
  type TMemberMyData,
  type TransferStatus,
} from '@gonghui/common';
import { safeCell } from '../../platform/excel/index.ts';

const text = (v: string | number | boolean | null | undefined) => safeCell(v === null || v === undefined ? '' : String(v));

export async function myDataXlsx(d: TMemberMyData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const pairs = (name: string, rows: [string, string | number | boolean | null][]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = [
      { header: '项目', width: 20 },
      { header: '内容', width: 40 },
    ];
    for (const [k, v] of rows) ws.addRow([k, text(v)]);
  };
  const p = d.profile;
  pairs('基本信息', [
    ['姓名', p.name],
    ['身份证号（脱敏）', p.idMasked],
    ['手机号（脱敏）', p.phoneMasked],
    ['性别', p.gender === 'male' ? '男' : p.gender === 'female' ? '女' : p.gender],
    ['出生年份', p.birthYear],
    ['所在工会', p.orgName],
    ['入会日期', p.joinedAt],
    ['会籍状态', MEMBER_STATUS_LABELS[p.status as MemberStatus] ?? p.status],
    ['状态日期', p.statusSince],
    ['会员类别', p.categories.join('、')],
    ['会员卡号', p.cardNo],
  ]);
  const a = d.account;
  pairs('账号与授权', [
    ['激活时间', a.activatedAt],
    ['最近登录', a.lastLoginAt],
    ['已设置密码', a.hasPassword ? '是' : '否'],
    ['隐私政策版本', a.consentVersion],
    ['同意时间', a.consentAt],
    ...Object.entries(a.consents).map(([k, v]): [string, string] => [
      MEMBER_OPTIONAL_CONSENTS[k as keyof typeof MEMBER_OPTIONAL_CONSENTS] ?? k,
      `${v.granted ? '同意' : '已撤回'}（${v.at}）`,
    ]),
  ]);
  const sessions = wb.addWorksheet('登录会话');
  sessions.addRow(['登录时间', '最近活动', '到期时间', '当前会话']);
  for (const s of d.sessions) sessions.addRow([s.createdAt, s.lastSeenAt, s.expiresAt, s.current ? '是' : '否']);
  const transfers = wb.addWorksheet('会员接转');
  transfers.addRow(['编号', '状态', '转出工会', '转入工会', '申请时间', '更新时间']);
  for (const x of d.transfers)
    transfers.addRow([
      x.number,
      TRANSFER_STATUS_LABELS[x.status as TransferStatus] ?? x.status,
      text(x.fromOrg),
      text(x.toOrg),
      x.createdAt,
      x.updatedAt,
    ]);
  const viewed = wb.addWorksheet('查看记录');
  viewed.addRow(['时间', '查看人', '所在工会', '事由']);
  for (const v of d.viewedBy) viewed.addRow([v.at, text(v.cadreName), text(v.orgName), text(v.reason)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
