// Form fields shared by "新建下级组织" and "编辑": kind and the descriptive details, validated with common's schemas.
import dayjs, { type Dayjs } from 'dayjs';
import { ProFormDatePicker, ProFormDigit, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { LIMITS, ORG_KINDS, ZOrgCreate } from '@gonghui/common';
import { useLabels } from '../../i18n/labels.ts';
import { zodRule } from '../../utils/formRules.ts';

const fields = ZOrgCreate.shape;
const half = { span: 12 };

export function OrgKindField() {
  const labels = useLabels();
  return (
    <ProFormSelect
      name="kind"
      label={labels.field('kind')}
      colProps={half}
      rules={[{ required: true }]}
      fieldProps={{ showSearch: true, optionFilterProp: 'label' }}
      options={ORG_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
    />
  );
}

export function OrgDetailFields() {
  const labels = useLabels();
  const text = (name: 'chairName' | 'contactName' | 'employerName', max: number) => (
    <ProFormText name={name} label={labels.field(name)} colProps={half} rules={[zodRule(fields[name])]} fieldProps={{ maxLength: max }} />
  );
  return (
    <>
      <ProFormText
        name="uscc"
        label={labels.field('uscc')}
        colProps={half}
        rules={[zodRule(fields.uscc)]}
        fieldProps={{ maxLength: 18, style: { fontFamily: 'monospace' } }}
        placeholder="例：81320102MA1X2Y3Z4P"
      />
      <ProFormText
        name="divisionCode"
        label={labels.field('divisionCode')}
        colProps={half}
        rules={[zodRule(fields.divisionCode)]}
        fieldProps={{ maxLength: 12 }}
      />
      <ProFormDatePicker
        name="foundedAt"
        label={labels.field('foundedAt')}
        colProps={half}
        rules={[zodRule(fields.foundedAt)]}
        fieldProps={{ style: { width: '100%' }, disabledDate: (d: Dayjs) => d.isAfter(dayjs(), 'day') }}
      />
      <ProFormDigit
        name="headcount"
        label={labels.field('headcount')}
        colProps={half}
        min={0}
        max={10_000_000}
        rules={[zodRule(fields.headcount)]}
        fieldProps={{ precision: 0, style: { width: '100%' } }}
      />
      {text('chairName', LIMITS.shortText)}
      {text('contactName', LIMITS.shortText)}
      {text('employerName', LIMITS.name)}
      <ProFormTextArea
        name="address"
        label={labels.field('address')}
        colProps={{ span: 24 }}
        rules={[zodRule(fields.address)]}
        fieldProps={{ maxLength: LIMITS.text, rows: 2, showCount: true }}
      />
    </>
  );
}
