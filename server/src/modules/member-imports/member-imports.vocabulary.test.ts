// Real rosters' vocabulary: the names real rosters give the special categories (and 在职 / 退休, which are not
// categories), and unions with the same name told apart by a 上级工会 column or a 「街道/工会」 path, with an
// ambiguous name refused naming each candidate's parent and USCC.
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../platform/excel/index.ts';
import { findHeader } from './member-imports.columns.ts';
import { orgResolver } from './member-imports.orgs.ts';
import type { OrgEntry } from './member-imports.repo.ts';
import { readCategories } from './member-imports.rows.ts';

const s = (value: string): Cell => ({ value, type: 'string' });

describe('人员类别 as real rosters write it', () => {
  it('maps the aliases of the special groups to their categories', () => {
    expect(readCategories(s('新就业形态劳动者'))).toEqual({ ok: true, value: ['new_forms'] });
    expect(readCategories(s('劳务派遣人员'))).toEqual({ ok: true, value: ['dispatched'] });
    expect(readCategories(s('进城务工人员、派遣工'))).toEqual({ ok: true, value: ['migrant', 'dispatched'] });
  });

  it('imports 在职职工 with no category, and 退休职工 with no category but flagged for 保留会籍', () => {
    expect(readCategories(s('在职职工'))).toEqual({ ok: true, value: [] });
    expect(readCategories(s('退休职工'))).toEqual({ ok: true, value: [], retiree: true });
    expect(readCategories(s('临时工'))).toMatchObject({ ok: false, error: expect.stringContaining('“临时工”不是可选的人员类别') });
  });

  it('recognises 上级工会 and 所在街道 columns beside 所在工会', () => {
    const h = findHeader([{ rowNumber: 1, cells: ['姓名', '身份证号', '入会日期', '所在街道', '所在工会'].map(s) }]);
    expect(h?.columns).toMatchObject({ parentOrg: 3, org: 4 });
  });
});

describe('所在工会 among unions with the same name', () => {
  // 1 区总 → 2 城东街道 (→ 4 华信工会, USCC A), 3 城西街道 (→ 5 华信工会, no USCC; 6 华信工会 closed under 2's child 7)
  const orgs: OrgEntry[] = [
    { id: 1, path: '1.', name: '某区总工会', uscc: null, status: 'active' },
    { id: 2, path: '1.2.', name: '城东街道总工会', uscc: null, status: 'active' },
    { id: 3, path: '1.3.', name: '城西街道总工会', uscc: null, status: 'active' },
    { id: 4, path: '1.2.4.', name: '华信电子工会', uscc: '91320102MA1XXXXX0A', status: 'active' },
    { id: 5, path: '1.3.5.', name: '华信电子工会', uscc: null, status: 'active' },
  ];
  const resolve = orgResolver({ id: 1, path: '1.', name: '某区总工会' }, orgs);

  it('refuses the bare name, naming each candidate by its parent and USCC', () => {
    const why = resolve('华信电子工会');
    expect(why).toContain('名为「华信电子工会」的工会不止一个');
    expect(why).toContain('城东街道总工会下的（91320102MA1XXXXX0A）');
    expect(why).toContain('城西街道总工会下的（未登记信用代码）');
    expect(why).toContain('统一社会信用代码');
  });

  it('takes the 上级工会 column or a path in the cell, in full- or half-width', () => {
    expect(resolve('华信电子工会', '城西街道总工会')).toMatchObject({ id: 5 });
    expect(resolve('城东街道总工会/华信电子工会')).toMatchObject({ id: 4 });
    expect(resolve('城西街道总工会 ／ 华信电子工会')).toMatchObject({ id: 5 });
    expect(resolve('某区总工会>城西街道总工会>华信电子工会')).toMatchObject({ id: 5 });
    expect(resolve('91320102MA1XXXXX0A')).toMatchObject({ id: 4 });
  });

  it('says when the union is not under the named parent', () => {
    expect(resolve('华信电子工会', '城北街道总工会')).toBe('在「城北街道总工会」下未找到「华信电子工会」，请核对上级工会');
    expect(resolve('不存在的工会')).toContain('未找到「不存在的工会」');
  });
});
