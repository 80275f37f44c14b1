// Pure helpers of 我的申请: 元 ↔ 分, the submit bodies, amount and date checks, status/deadline tags, detail rows.
import { describe, expect, it } from 'vitest';
import { buildSubmit, checkPastDay, checkYuan } from './case-submit.ts';
import { detailRows, dueState, formatDay, statusColor, todayCst } from './cases.ts';
import { formatFen, parseYuan } from './money.ts';

describe('parseYuan', () => {
  it('reads 元 with up to two decimals into integer 分 without float drift', () => {
    expect(parseYuan('1280.5')).toEqual({ fen: 128050 });
    expect(parseYuan('0.1')).toEqual({ fen: 10 });
    expect(parseYuan('1.00')).toEqual({ fen: 100 });
    expect(parseYuan('19.99')).toEqual({ fen: 1999 });
    expect(parseYuan('0.07')).toEqual({ fen: 7 });
    expect(parseYuan('100.')).toEqual({ fen: 10000 });
    expect(parseYuan('007')).toEqual({ fen: 700 });
  });
  it('accepts what phone keyboards produce: full-width digits, separators, ¥ and 元', () => {
    expect(parseYuan(' ￥１,２８０．５０元 ')).toEqual({ fen: 128050 });
    expect(parseYuan('1，000')).toEqual({ fen: 100000 });
    expect(parseYuan('¥3。5')).toEqual({ fen: 350 });
  });
  it('names the problem instead of guessing', () => {
    expect(parseYuan('')).toEqual({ error: 'empty' });
    expect(parseYuan('  ')).toEqual({ error: 'empty' });
    expect(parseYuan('-5')).toEqual({ error: 'format' });
    expect(parseYuan('1e3')).toEqual({ error: 'format' });
    expect(parseYuan('.5')).toEqual({ error: 'format' });
    expect(parseYuan('abc')).toEqual({ error: 'format' });
    expect(parseYuan('1.2.3')).toEqual({ error: 'format' });
    expect(parseYuan('1.005')).toEqual({ error: 'decimals' });
    expect(parseYuan('9999999999999.99')).toEqual({ fen: 999_999_999_999_999 });
    expect(parseYuan('10000000000000')).toEqual({ error: 'range' });
  });
});

describe('formatFen', () => {
  it('shows 元 grouped with two decimals', () => {
    expect(formatFen(128050)).toBe('1,280.50');
    expect(formatFen(7)).toBe('0.07');
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(-150)).toBe('-1.50');
    expect(formatFen(123456789)).toBe('1,234,567.89');
    expect(formatFen(null)).toBe('—');
  });
  it('round-trips with parseYuan', () => {
    for (const fen of [1, 99, 100, 101, 123456, 999_999_999_999_999]) expect(parseYuan(formatFen(fen))).toEqual({ fen });
  });
});

describe('checkYuan and checkPastDay', () => {
  it('checks positive claims and the income ceiling', () => {
    expect(checkYuan('0', { positive: true })).toBe('zero');
    expect(checkYuan('0')).toBeNull();
    expect(checkYuan('1000000.01', { maxFen: 100_000_000 })).toBe('tooLarge');
    expect(checkYuan('1000000', { maxFen: 100_000_000 })).toBeNull();
    expect(checkYuan('12.345')).toBe('decimals');
  });
  it('takes real days up to today in China time', () => {
    // 2026-12-06 20:00 UTC is already 12-07 in Beijing.
    const now = Date.parse('2026-12-06T20:00:00Z');
    expect(todayCst(now)).toBe('2026-12-07');
    expect(checkPastDay('2026-12-07', now)).toBeNull();
    expect(checkPastDay('2026-12-08', now)).toBe('future');
    expect(checkPastDay('2026-02-30', now)).toBe('format');
    expect(checkPastDay('2026/12/01', now)).toBe('format');
  });
});

describe('buildSubmit', () => {
  it('builds each type from the form values, 元 → 分, selectors → one value', () => {
    expect(
      buildSubmit('hardship', {
        householdSize: 3,
        incomePerHead: '850.5',
        causes: ['illness', 'illness', 'education'],
        narrative: ' 说明 ',
      }),
    ).toEqual({ type: 'hardship', householdSize: 3, incomePerHead: 85050, causes: ['illness', 'education'], narrative: '说明' });
    expect(
      buildSubmit(
        'mutual_aid_claim',
        { kind: ['inpatient'], hospital: ' 市第一医院 ', visitDate: '2026-11-20', amount: '1,280.50', diagnosis: '  ' },
        [7, 8],
      ),
    ).toEqual({
      type: 'mutual_aid_claim',
      kind: 'inpatient',
      hospital: '市第一医院',
      visitDate: '2026-11-20',
      amount: 128050,
      attachments: [7, 8],
    });
    expect(buildSubmit('legal_aid', { category: ['wages'], narrative: '欠薪', employerName: '' })).toEqual({
      type: 'legal_aid',
      category: 'wages',
      narrative: '欠薪',
    });
    expect(buildSubmit('appeal', { category: ['safety'], content: '隐患' })).toEqual({
      type: 'appeal',
      category: 'safety',
      content: '隐患',
    });
  });
  it('never sends the applicant', () => {
    const body = buildSubmit('appeal', { category: ['other'], content: 'x' });
    expect(Object.keys(body)).not.toContain('name');
    expect(Object.keys(body)).not.toContain('idNumber');
  });
  it('refuses an amount the rules should have caught', () => {
    expect(() => buildSubmit('mutual_aid_claim', { kind: ['inpatient'], amount: '0' })).toThrow();
  });
});

describe('case tags and rows', () => {
  const now = Date.parse('2026-12-06T04:00:00Z');
  it('reads dates in China time', () => {
    expect(formatDay('2026-12-10')).toBe('2026-12-10');
    expect(formatDay('2026-12-09T16:30:00.000Z')).toBe('2026-12-10');
    expect(formatDay(null)).toBe('—');
  });
  it('flags open cases due soon or overdue', () => {
    expect(dueState({ open: true, dueAt: '2026-12-05' }, now)).toBe('overdue');
    expect(dueState({ open: true, dueAt: '2026-12-06' }, now)).toBe('soon');
    expect(dueState({ open: true, dueAt: '2026-12-08' }, now)).toBe('soon');
    expect(dueState({ open: true, dueAt: '2026-12-09' }, now)).toBe('ok');
    expect(dueState({ open: false, dueAt: '2026-12-01' }, now)).toBe('none');
    expect(dueState({ open: true, dueAt: null }, now)).toBe('none');
  });
  it('colours the status', () => {
    expect(statusColor({ open: true, status: 'submitted' })).toBe('primary');
    expect(statusColor({ open: false, status: 'rejected' })).toBe('danger');
    expect(statusColor({ open: false, status: 'declined' })).toBe('danger');
    expect(statusColor({ open: false, status: 'withdrawn' })).toBe('default');
    expect(statusColor({ open: false, status: 'paid' })).toBe('success');
  });
  it('lists the detail in order, money in 元, empty fields left out', () => {
    const rows = detailRows(
      'mutual_aid_claim',
      {
        kind: 'inpatient',
        kindLabel: '住院',
        classLabel: '在职职工',
        visit: '市一院',
        invoiceTotal: 128050,
        payout: null,
        paidAt: null,
        secret: 'x',
      },
      'zh',
    );
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['报销类型', '住院'],
      ['互助类别', '在职职工'],
      ['就诊情况', '市一院'],
      ['发票金额（元）', '1,280.50'],
    ]);
    expect(detailRows('hardship', { householdSize: 3, causeLabels: ['因病', '因残'] }, 'zh').map((r) => r.value)).toEqual([
      '3 人',
      '因病、因残',
    ]);
    expect(detailRows(null, { a: 1 }, 'zh')).toEqual([]);
  });
});
