// "登记变更": rename, re-election, upgrade, move or dissolve on a given date; POST /orgs/:id/events.
import { useRef } from 'react';
import { Button, Form } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ModalForm,
  ProFormDatePicker,
  ProFormDependency,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import {
  LIMITS,
  ORG_LEVELS,
  ORG_LEVEL_RANK,
  canParent,
  zPastDate,
  zRequiredText,
  type OrgLevel,
  type TOrg,
  type TOrgEvent,
} from '@gonghui/common';
import { orgApi, type OrgEventBody } from '../../api/endpoints.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { zodRule } from '../../utils/formRules.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifySuccess, showFormError } from '../../utils/notify.ts';

type EventType = OrgEventBody['type'];
const EVENT_TYPES: EventType[] = ['rename', 'reelect', 'upgrade', 'move', 'dissolve'];

interface EventValues {
  type: EventType;
  date: string;
  note?: string;
  newName?: string;
  chairName?: string;
  termYears?: number;
  newLevel?: OrgLevel;
  newParentId?: number;
  reason?: string;
}

function buildBody(v: EventValues): OrgEventBody {
  const base = { date: toIsoDate(v.date) ?? v.date, note: v.note?.trim() || undefined };
  switch (v.type) {
    case 'rename':
      return { ...base, type: 'rename', newName: v.newName?.trim() };
    case 'reelect':
      return { ...base, type: 'reelect', chairName: v.chairName?.trim() || undefined, termYears: v.termYears };
    case 'upgrade':
      return { ...base, type: 'upgrade', newLevel: v.newLevel };
    case 'move':
      return { ...base, type: 'move', newParentId: v.newParentId };
    case 'dissolve':
      return { ...base, type: 'dissolve', reason: v.reason?.trim() || undefined };
  }
}

/** Levels above the current one that the parent (when known) may still hold. */
function upgradeLevels(org: TOrg, parentLevel: OrgLevel | undefined): OrgLevel[] {
  return ORG_LEVELS.filter((l) => ORG_LEVEL_RANK[l] < ORG_LEVEL_RANK[org.level] && (!parentLevel || canParent(parentLevel, l)));
}

interface OrgEventModalProps {
  org: TOrg;
  parentLevel: OrgLevel | undefined;
  onSaved: (event: TOrgEvent) => void;
}

export function OrgEventModal({ org, parentLevel, onSaved }: OrgEventModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const formRef = useRef<ProFormInstance<EventValues>>(undefined);
  const levels = upgradeLevels(org, parentLevel);
  const types = EVENT_TYPES.filter((type) => type !== 'upgrade' || levels.length > 0);

  return (
    <ModalForm<EventValues>
      title={t('org.eventTitle', { name: org.name })}
      formRef={formRef}
      width={600}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ type: 'reelect', date: dayjs().format('YYYY-MM-DD') }}
      trigger={
        <Button icon={<HistoryOutlined />} data-testid="org-event-button" disabled={org.status === 'dissolved'}>
          {t('org.event')}
        </Button>
      }
      onFinish={async (values) => {
        try {
          const event = await orgApi.addEvent(org.id, buildBody(values));
          notifySuccess(t('org.eventSaved'));
          onSaved(event);
          return true;
        } catch (err) {
          showFormError(formRef.current, err);
          return false;
        }
      }}
    >
      <ProFormRadio.Group
        name="type"
        label={labels.field('type')}
        radioType="button"
        rules={[{ required: true }]}
        options={types.map((type) => ({ value: type, label: labels.eventType(type) }))}
      />
      <ProFormDatePicker
        name="date"
        label={labels.field('date')}
        rules={[{ required: true }, zodRule(zPastDate)]}
        fieldProps={{ style: { width: '100%' }, disabledDate: (d: Dayjs) => d.isAfter(dayjs(), 'day') }}
      />
      <ProFormDependency name={['type']}>
        {({ type }: { type?: EventType }) => {
          switch (type) {
            case 'rename':
              return (
                <ProFormText
                  name="newName"
                  label={labels.field('newName')}
                  initialValue={org.name}
                  rules={[{ required: true, whitespace: true }, zodRule(zRequiredText(LIMITS.name))]}
                  fieldProps={{ maxLength: LIMITS.name, showCount: true }}
                />
              );
            case 'reelect':
              return (
                <>
                  <ProFormText name="chairName" label={labels.field('chairName')} fieldProps={{ maxLength: LIMITS.shortText }} />
                  <ProFormDigit
                    name="termYears"
                    label={labels.field('termYears')}
                    min={1}
                    max={10}
                    initialValue={5}
                    fieldProps={{ precision: 0 }}
                  />
                </>
              );
            case 'upgrade':
              return (
                <ProFormSelect
                  name="newLevel"
                  label={labels.field('newLevel')}
                  rules={[{ required: true }]}
                  options={levels.map((l) => ({ value: l, label: labels.level(l) }))}
                />
              );
            case 'move':
              return (
                <Form.Item name="newParentId" label={labels.field('newParentId')} rules={[{ required: true }]} extra={t('org.moveSelf')}>
                  <OrgSelect isDisabled={(o) => o.path.startsWith(org.path) || o.id === org.parentId} />
                </Form.Item>
              );
            case 'dissolve':
              return <ProFormTextArea name="reason" label={labels.field('reason')} fieldProps={{ maxLength: LIMITS.text, rows: 2 }} />;
            case undefined:
              return null;
          }
        }}
      </ProFormDependency>
      <ProFormTextArea name="note" label={labels.field('note')} fieldProps={{ maxLength: LIMITS.text, rows: 2, showCount: true }} />
    </ModalForm>
  );
}
