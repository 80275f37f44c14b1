// The fields of each member case type (common's MEMBER_CASE_SCHEMAS), with client-side checks in Chinese/English.
// The member's own name, ID number and union are never asked: the server takes them from the registry.
import { Form, Input, Selector, Stepper, TextArea } from 'antd-mobile';
import {
  APPEAL_CATEGORY_OPTIONS,
  CASE_LIMITS,
  CLAIM_KIND_OPTIONS,
  CORRECTION_FIELD_OPTIONS,
  HARDSHIP_CAUSE_OPTIONS,
  LEGAL_AID_CATEGORY_OPTIONS,
  selectorOptions,
  type MemberCaseType,
} from '../case-options.ts';
import { INCOME_MAX_FEN, checkPastDay, checkYuan, type AmountProblem } from '../case-submit.ts';
import { useLang, type Translate } from '../i18n.tsx';
import type { H5Key } from '../i18n.zh.ts';

type Rule = { validator: (_: unknown, value: unknown) => Promise<void> };

const AMOUNT_MESSAGES: Record<AmountProblem, H5Key> = {
  empty: 'errAmountFormat',
  format: 'errAmountFormat',
  decimals: 'errAmountDecimals',
  range: 'errAmountRange',
  tooLarge: 'errAmountRange',
  zero: 'errAmountZero',
};

const yuanRule = (t: Translate, opts: { positive?: boolean; maxFen?: number }): Rule => ({
  validator: async (_, value) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const problem = checkYuan(value, opts);
    if (problem) throw new Error(t(AMOUNT_MESSAGES[problem]));
  },
});

const pastDayRule = (t: Translate): Rule => ({
  validator: async (_, value) => {
    if (typeof value !== 'string' || value === '') return;
    const problem = checkPastDay(value);
    if (problem) throw new Error(t(problem === 'future' ? 'errDateFuture' : 'errDateFormat'));
  },
});

function Narrative({ name, label, placeholder = 'narrativePlaceholder' }: { name: string; label: H5Key; placeholder?: H5Key }) {
  const { t } = useLang();
  return (
    <Form.Item name={name} label={t(label)} rules={[{ required: true, whitespace: true, message: t('required', { field: t(label) }) }]}>
      <TextArea placeholder={t(placeholder)} maxLength={CASE_LIMITS.narrative} showCount autoSize={{ minRows: 4, maxRows: 10 }} />
    </Form.Item>
  );
}

function Choice({ name, label, options }: { name: string; label: H5Key; options: readonly (readonly [string, string, string])[] }) {
  const { t, lang } = useLang();
  return (
    <Form.Item name={name} label={t(label)} rules={[{ required: true, type: 'array', min: 1, message: t('pickOne', { field: t(label) }) }]}>
      <Selector columns={3} options={selectorOptions(options, lang)} />
    </Form.Item>
  );
}

function HardshipFields() {
  const { t, lang } = useLang();
  return (
    <>
      <Form.Item name="householdSize" label={t('householdSize')} initialValue={1} childElementPosition="right" layout="horizontal">
        <Stepper min={1} max={CASE_LIMITS.householdMax} digits={0} />
      </Form.Item>
      <Form.Item
        name="incomePerHead"
        label={t('incomePerHead')}
        rules={[
          { required: true, whitespace: true, message: t('required', { field: t('incomePerHead') }) },
          yuanRule(t, { maxFen: INCOME_MAX_FEN }),
        ]}
      >
        <Input inputMode="decimal" placeholder="0.00" maxLength={16} clearable />
      </Form.Item>
      <Form.Item
        name="causes"
        label={t('causes')}
        description={t('causesHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('pickOne', { field: t('causes') }) }]}
      >
        <Selector columns={3} multiple options={selectorOptions(HARDSHIP_CAUSE_OPTIONS, lang)} />
      </Form.Item>
      <Narrative name="narrative" label="narrativeHardship" placeholder="narrativeHardshipPlaceholder" />
    </>
  );
}

function ClaimFields() {
  const { t } = useLang();
  return (
    <>
      <Choice name="kind" label="claimKind" options={CLAIM_KIND_OPTIONS} />
      <Form.Item
        name="hospital"
        label={t('hospital')}
        rules={[{ required: true, whitespace: true, message: t('required', { field: t('hospital') }) }]}
      >
        <Input maxLength={CASE_LIMITS.hospital} clearable />
      </Form.Item>
      <Form.Item
        name="visitDate"
        label={t('visitDate')}
        rules={[{ required: true, message: t('pickOne', { field: t('visitDate') }) }, pastDayRule(t)]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('amount')}
        rules={[{ required: true, whitespace: true, message: t('required', { field: t('amount') }) }, yuanRule(t, { positive: true })]}
      >
        <Input inputMode="decimal" placeholder="0.00" maxLength={20} clearable />
      </Form.Item>
      <Form.Item name="diagnosis" label={t('diagnosis')}>
        <TextArea maxLength={CASE_LIMITS.diagnosis} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </>
  );
}

function LegalAidFields() {
  const { t } = useLang();
  return (
    <>
      <Choice name="category" label="legalCategory" options={LEGAL_AID_CATEGORY_OPTIONS} />
      <Narrative name="narrative" label="narrativeLegal" />
      <Form.Item name="employerName" label={t('employerOptional')}>
        <Input maxLength={CASE_LIMITS.employerName} placeholder={t('employerOptionalHint')} clearable />
      </Form.Item>
    </>
  );
}

function AppealFields() {
  return (
    <>
      <Choice name="category" label="appealCategory" options={APPEAL_CATEGORY_OPTIONS} />
      <Narrative name="content" label="appealContent" />
    </>
  );
}

function CorrectionFields() {
  const { t } = useLang();
  return (
    <>
      <Choice name="field" label="correctionField" options={CORRECTION_FIELD_OPTIONS} />
      <Form.Item
        name="correct"
        label={t('correctionValue')}
        rules={[{ required: true, whitespace: true, message: t('required', { field: t('correctionValue') }) }]}
      >
        <Input maxLength={CASE_LIMITS.correction} clearable />
      </Form.Item>
      <Form.Item name="note" label={t('correctionNote')}>
        <TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </>
  );
}

export function CaseFormFields({ type }: { type: MemberCaseType }) {
  if (type === 'data_correction') return <CorrectionFields />;
  if (type === 'hardship') return <HardshipFields />;
  if (type === 'mutual_aid_claim') return <ClaimFields />;
  if (type === 'legal_aid') return <LegalAidFields />;
  return <AppealFields />;
}
