// 新建困难职工档案 (调查摸底): the worker, the household and the proposed tier, drafted in the selected union.
import { ModalForm, ProFormDigit, ProFormList, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { HARDSHIP_CAUSES, HARDSHIP_TIERS, type HardshipCause, type HardshipTier, type TOrg } from '@gonghui/common';
import { hardshipApi } from '../../api/hardship.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Values {
  name: string;
  idNumber: string;
  phone?: string;
  householdSize: number;
  incomeYuan: number;
  causes: HardshipCause[];
  tier: HardshipTier;
  family?: { name: string; relation: string }[];
  pairing?: string;
}

export function HardshipCreateModal({
  open,
  org,
  onClose,
  onCreated,
}: {
  open: boolean;
  org: TOrg;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalForm<Values>
      title={t('hardship.createTitle', { org: org.name })}
      open={open}
      modalProps={{ destroyOnHidden: true, onCancel: onClose }}
      width={640}
      onFinish={async (v) => {
        try {
          await hardshipApi.create({
            orgId: org.id,
            name: v.name,
            idNumber: v.idNumber,
            phone: v.phone || null,
            householdSize: v.householdSize,
            incomePerHead: Math.round(v.incomeYuan * 100),
            causes: v.causes,
            tier: v.tier,
            family: v.family ?? [],
            pairing: v.pairing || null,
          });
          notifySuccess(t('hardship.created'));
          onCreated();
          return true;
        } catch (err) {
          notifyError(err);
          return false;
        }
      }}
    >
      <ProFormText name="name" label={t('hardship.name')} rules={[{ required: true }]} />
      <ProFormText name="idNumber" label={t('hardship.idNumber')} rules={[{ required: true }]} />
      <ProFormText name="phone" label={t('hardship.phone')} />
      <ProFormDigit name="householdSize" label={t('hardship.householdSize')} min={1} max={30} rules={[{ required: true }]} />
      <ProFormDigit
        name="incomeYuan"
        label={t('hardship.incomePerHeadYuan')}
        min={0}
        fieldProps={{ precision: 2 }}
        rules={[{ required: true }]}
      />
      <ProFormSelect
        name="causes"
        label={t('hardship.causes')}
        mode="multiple"
        rules={[{ required: true }]}
        options={HARDSHIP_CAUSES.map((c) => ({ value: c, label: t(`hardship.causeLabels.${c}`) }))}
        extra={t('hardship.primaryCause')}
      />
      <ProFormSelect
        name="tier"
        label={t('hardship.tier')}
        rules={[{ required: true }]}
        options={HARDSHIP_TIERS.map((x) => ({ value: x, label: t(`hardship.tiers.${x}`) }))}
      />
      <ProFormList name="family" label={t('hardship.family')} creatorButtonProps={{ creatorButtonText: t('hardship.addFamily') }}>
        <ProFormText name="name" label={t('hardship.familyName')} rules={[{ required: true }]} />
        <ProFormText name="relation" label={t('hardship.relation')} rules={[{ required: true }]} />
      </ProFormList>
      <ProFormText name="pairing" label={t('hardship.pairing')} />
    </ModalForm>
  );
}
