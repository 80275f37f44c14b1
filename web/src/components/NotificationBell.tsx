// The bell in the console header: the unread count, a list of the latest notifications; clicking one marks it read
// and opens its case.
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TNotification } from '@gonghui/common';
import { NOTIFICATIONS_KEY, notificationApi } from '../api/notifications.ts';
import { queryClient } from '../app/queryClient.ts';
import { formatDateTime } from '../utils/format.ts';
import { notifyError } from '../utils/notify.ts';

const REFRESH_MS = 60_000;

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const query = useQuery({ queryKey: NOTIFICATIONS_KEY, queryFn: () => notificationApi.list(), refetchInterval: REFRESH_MS });
  const read = useMutation({
    mutationFn: (n: TNotification) => (n.readAt ? Promise.resolve(n) : notificationApi.read(n.id)),
    onSuccess: (n) => {
      void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
      setOpen(false);
      if (n.link) void navigate(n.link);
    },
    onError: notifyError,
  });
  const unread = query.data?.unreadCount ?? 0;
  const items = query.data?.items ?? [];

  const list = (
    <div style={{ width: 'min(340px, calc(100vw - 80px))', maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}
              onClick={() => read.mutate(n)}
              data-testid="notification-item"
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.readAt} ellipsis={{ tooltip: n.title }}>
                    {n.title}
                  </Typography.Text>
                }
                description={formatDateTime(n.createdAt)}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) void query.refetch();
      }}
      title={t('notifications.title')}
      content={list}
    >
      <Button type="text" aria-label={t('notifications.bell', { count: unread })} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
