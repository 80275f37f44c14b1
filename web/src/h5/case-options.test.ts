// The H5 copies of the case types and choices must match common (the bundle cannot import it: zod would come along).
import {
  APPEAL_CATEGORY_LABELS,
  DATA_CORRECTION_FIELD_LABELS,
  DATA_CORRECTION_MAX,
  HARDSHIP_CAUSE_LABELS,
  MEMBER_CASE_SCHEMAS,
  MEMBER_CASE_TYPE_LABELS,
  MEMBER_CLAIM_MAX_ATTACHMENTS,
  MEMBER_NARRATIVE_MAX,
  MONEY_MAX_FEN,
  MUTUAL_AID_CLAIM_KIND_LABELS,
  RIGHTS_SUBJECT_LABELS,
} from '@gonghui/common';
import { describe, expect, it } from 'vitest';
import {
  APPEAL_CATEGORY_OPTIONS,
  CASE_LIMITS,
  CASE_TYPES,
  CLAIM_KIND_OPTIONS,
  CORRECTION_FIELD_OPTIONS,
  HARDSHIP_CAUSE_OPTIONS,
  LEGAL_AID_CATEGORY_OPTIONS,
  TYPE_OPTIONS,
  type Option,
} from './case-options.ts';
import { MAX_FEN } from './money.ts';

const zhOf = (opts: readonly Option[]) => Object.fromEntries(opts.map(([v, zh]) => [v, zh]));

describe('case options mirror common', () => {
  it('offers exactly the member case types, with common labels', () => {
    expect([...CASE_TYPES].sort()).toEqual(Object.keys(MEMBER_CASE_SCHEMAS).sort());
    for (const type of CASE_TYPES) expect(TYPE_OPTIONS[type].zh).toBe(MEMBER_CASE_TYPE_LABELS[type]);
  });
  it('offers the same choices', () => {
    expect(zhOf(HARDSHIP_CAUSE_OPTIONS)).toEqual(HARDSHIP_CAUSE_LABELS);
    expect(zhOf(CLAIM_KIND_OPTIONS)).toEqual(MUTUAL_AID_CLAIM_KIND_LABELS);
    expect(zhOf(LEGAL_AID_CATEGORY_OPTIONS)).toEqual(RIGHTS_SUBJECT_LABELS);
    expect(zhOf(APPEAL_CATEGORY_OPTIONS)).toEqual(APPEAL_CATEGORY_LABELS);
    expect(zhOf(CORRECTION_FIELD_OPTIONS)).toEqual(DATA_CORRECTION_FIELD_LABELS);
  });
  it('uses the same limits', () => {
    expect(CASE_LIMITS.narrative).toBe(MEMBER_NARRATIVE_MAX);
    expect(CASE_LIMITS.correction).toBe(DATA_CORRECTION_MAX);
    expect(CASE_LIMITS.attachments).toBe(MEMBER_CLAIM_MAX_ATTACHMENTS);
    expect(MAX_FEN).toBe(MONEY_MAX_FEN);
  });
  it('builds bodies the server schema accepts', async () => {
    const { ZMemberCaseSubmit } = await import('@gonghui/common');
    const { buildSubmit } = await import('./case-submit.ts');
    const bodies = [
      buildSubmit('hardship', { householdSize: 3, incomePerHead: '850.5', causes: ['illness'], narrative: '说明' }),
      buildSubmit('mutual_aid_claim', { kind: ['inpatient'], hospital: '市一院', visitDate: '2026-01-02', amount: '12.3' }, [5]),
      buildSubmit('legal_aid', { category: ['wages'], narrative: '欠薪', employerName: '某公司' }),
      buildSubmit('appeal', { category: ['safety'], content: '隐患' }),
      buildSubmit('data_correction', { field: ['name'], correct: '王晓明', note: '登记错字' }),
    ];
    for (const b of bodies) expect(ZMemberCaseSubmit.safeParse(b).success).toBe(true);
  });
});
