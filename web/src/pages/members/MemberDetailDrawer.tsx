// Member detail: masked fields, 查看完整信息 for users allowed to see personal data, membership history, e-card, and
// 接转中 with a link to the member's open transfer (or 接转 to start one).
import { useState } from 'react';
import { Button, Descriptions, Divider, Drawer, Result, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, QrcodeOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TMember } from '@gonghui/common';
import { memberApi } from '../../api/members.ts';
import type { MemberWithTransfer, OpenTransfer } from '../../api/transfers.ts';
import { useCan } from '../../app/session.ts';
import { useLabels } from '../../i18n/labels.ts';
import { formatDateTime } from '../../utils/format.ts';
import { errorText } from '../../utils/notify.ts';
import { useIsPhone } from '../../utils/useIsPhone.ts';
import { MemberCardModal } from './MemberCardModal.tsx';
import { MemberRevealModal } from './MemberRevealModal.tsx';
import { MemberTimeline } from './MemberTimeline.tsx';
import { MemberCategoryTags, MemberStatusTag } from './MemberTags.tsx';
import type { MemberAction } from './memberColumns.tsx';

interface Props {
  /** The member shown; undefined closes the drawer. */
  memberId: number | undefined;
  /** The roster row of that member, shown until the fresh copy arrives (absent when opened from a link). */
  initial?: TMember;
  onClose: () => void;
  onAction: (action: MemberAction, member: TMember) => void;
}

/** 接转中: the member's open transfer, linking to its case. */
function OpenTransferTag({ transfer }: { transfer: OpenTransfer }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('member.transferInProgressHint', { number: transfer.number, org: transfer.toOrgName })}>
      <Link to={`/transfers/${transfer.id}`} data-testid="member-transfer-link" data-transfer-id={transfer.id}>
        <Tag color="processing" icon={<SwapOutlined />} data-testid="member-transfer-tag">
          {t('member.transferInProgress')}
        </Tag>
      </Link>
    </Tooltip>
  );
}

function DetailBody({ id, initial, onAction }: { id: number; initial?: TMember; onAction: Props['onAction'] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const phone = useIsPhone();
  const [modal, setModal] = useState<'reveal' | 'card'>();
  // The row is shown at once; the fresh copy replaces it after an edit or a status change.
  const fresh = useQuery<MemberWithTransfer>({
    queryKey: ['member', id],
    queryFn: () => memberApi.get(id),
    initialData: initial,
    staleTime: 0,
    retry: false,
  });
  if (fresh.error) return <Result status="warning" subTitle={errorText(fresh.error)} data-testid="member-drawer-error" />;
  const m = fresh.data;
  if (!m) return <Skeleton active paragraph={{ rows: 8 }} />;
  const canUpdate = can('member:update');

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {can('member:view_sensitive') && (
          <Button icon={<EyeOutlined />} onClick={() => setModal('reveal')} data-testid="member-reveal-button">
            {t('member.reveal')}
          </Button>
        )}
        <Button icon={<QrcodeOutlined />} onClick={() => setModal('card')} data-testid="member-card-button">
          {t('member.card')}
        </Button>
        {canUpdate && <Button onClick={() => onAction('edit', m)}>{t('member.edit')}</Button>}
        {canUpdate && m.status === 'active' && <Button onClick={() => onAction('leave', m)}>{t('member.leave')}</Button>}
        {canUpdate && m.status === 'active' && !m.transfer && (
          <Button icon={<SwapOutlined />} onClick={() => onAction('transfer', m)} data-testid="transfer-start">
            {t('member.transfer')}
          </Button>
        )}
      </Space>
      <Descriptions column={phone ? 1 : 2} bordered size="small" labelStyle={{ width: 96 }} data-testid="member-detail">
        <Descriptions.Item label={t('member.name')}>
          <Typography.Text strong data-testid="member-detail-name">
            {m.name}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('member.gender')}>{labels.gender(m.gender)}</Descriptions.Item>
        <Descriptions.Item label={t('member.idNumber')} span={2}>
          <span className="mono" data-testid="member-detail-id">
            {m.idNumberMasked}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('member.birthYear')}>{m.birthYear}</Descriptions.Item>
        <Descriptions.Item label={t('member.phone')}>
          {m.phoneMasked ? <span className="mono">{m.phoneMasked}</span> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.org')} span={2}>
          {m.orgName}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.joinedAt')}>{m.joinedAt}</Descriptions.Item>
        <Descriptions.Item label={t('member.status')}>
          <MemberStatusTag status={m.status} />
          {m.transfer && <OpenTransferTag transfer={m.transfer} />}
          {m.statusSince && m.status !== 'active' && <Typography.Text type="secondary">{m.statusSince}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.category')} span={2}>
          <MemberCategoryTags categories={m.categories} />
        </Descriptions.Item>
        <Descriptions.Item label={t('member.cardNo')}>
          <span className="mono">{m.cardNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('member.updatedAt')}>{formatDateTime(m.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <Divider orientation="left" plain>
        {t('member.history')}
      </Divider>
      <MemberTimeline memberId={m.id} />
      {modal === 'reveal' && <MemberRevealModal member={m} onClose={() => setModal(undefined)} />}
      {modal === 'card' && <MemberCardModal member={m} onClose={() => setModal(undefined)} />}
    </>
  );
}

export function MemberDetailDrawer({ memberId, initial, onClose, onAction }: Props) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  // The last member stays rendered while the drawer slides out.
  const [shown, setShown] = useState(memberId);
  if (memberId !== undefined && memberId !== shown) setShown(memberId);
  return (
    <Drawer
      open={memberId !== undefined}
      onClose={onClose}
      title={t('member.detailTitle')}
      width={phone ? '100%' : 640}
      data-testid="member-drawer"
    >
      {shown !== undefined && <DetailBody key={shown} id={shown} initial={initial} onAction={onAction} />}
    </Drawer>
  );
}
