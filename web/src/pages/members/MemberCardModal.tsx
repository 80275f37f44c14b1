// 电子会员卡: the QR holds the check page URL with a short-lived signed token (GET /members/:id/card), fetched again shortly before it expires;
// the modal shows when that happens.
import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { maskName, type TMember } from '@gonghui/common';
import { memberApi, type MemberCard } from '../../api/members.ts';
import { MemberStatusTag } from './MemberTags.tsx';

/** What the QR encodes: the public check page (/v/<token>) any phone camera opens. */
const verifyUrl = (token: string) => `${window.location.origin}/v/${token}`;

/** Refresh this long before the token expires, so a scan never meets an expired code. */
const REFRESH_MARGIN_MS = 30_000;
const MIN_LIFETIME_MS = 60_000;
const MAX_LIFETIME_MS = 24 * 3600_000;

/** When to fetch a new token, on the browser's clock (its offset from the server's is clamped away). */
function refreshAt(card: MemberCard, receivedAt: number): number {
  const lifetime = Math.min(MAX_LIFETIME_MS, Math.max(MIN_LIFETIME_MS, Date.parse(card.expiresAt) - receivedAt));
  return receivedAt + lifetime - REFRESH_MARGIN_MS;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Countdown({ ms }: { ms: number }) {
  const { t } = useTranslation();
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const text = seconds >= 60 ? t('card.refreshIn', { minutes: Math.ceil(seconds / 60) }) : t('card.refreshInSeconds', { seconds });
  return (
    <Typography.Text type="secondary" data-testid="card-countdown" data-seconds={seconds}>
      {text}
    </Typography.Text>
  );
}

export function MemberCardModal({ member, onClose }: { member: TMember; onClose: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const card = useQuery({
    queryKey: ['member', member.id, 'card'],
    queryFn: () => memberApi.card(member.id),
    staleTime: 0,
    gcTime: 0,
  });
  const due = card.data ? refreshAt(card.data, card.dataUpdatedAt) : undefined;
  const { refetch, isFetching } = card;

  // Checked on every tick rather than with one long timer: background tabs delay timers, the tick catches up.
  useEffect(() => {
    if (due !== undefined && now >= due && !isFetching) void refetch();
  }, [now, due, isFetching, refetch]);

  const valid = member.status === 'active' || member.status === 'retained';

  return (
    <Modal open title={t('card.title')} onCancel={onClose} footer={null} width={400} destroyOnHidden data-testid="card-modal">
      {!valid && <Alert type="warning" showIcon message={t('card.invalid')} style={{ marginBottom: 12 }} />}
      <div className="member-card" data-testid="member-card">
        <div className="member-card-head">
          <div className="member-card-title">{t('card.headTitle')}</div>
          <div className="member-card-name" data-testid="card-name">
            {maskName(member.name)}
          </div>
          <div className="member-card-org" title={member.orgName}>
            {member.orgName}
          </div>
        </div>
        <div className="member-card-body">
          <Spin spinning={card.isPending || isFetching}>
            <div className="member-card-qr">
              {card.data ? (
                <QRCodeSVG value={verifyUrl(card.data.token)} size={188} level="M" marginSize={2} data-testid="card-qr" />
              ) : (
                <div style={{ width: 188, height: 188 }} />
              )}
            </div>
          </Spin>
          <Space direction="vertical" size={4} style={{ width: '100%', alignItems: 'center' }}>
            <Typography.Text className="mono" data-testid="card-no">
              {t('card.cardNo')}：{card.data?.cardNo ?? member.cardNo}
            </Typography.Text>
            <Space size={8}>
              <MemberStatusTag status={member.status} />
              {due !== undefined && <Countdown ms={due - now} />}
              <Button size="small" type="link" icon={<ReloadOutlined />} onClick={() => void refetch()} data-testid="card-refresh">
                {t('card.refresh')}
              </Button>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('card.hint')}
            </Typography.Text>
          </Space>
        </div>
      </div>
    </Modal>
  );
}
