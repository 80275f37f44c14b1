// The frame every case detail page shares (hardship file, rights case, 工伤探视, 诉求, 入会申请): the id from the URL,
// the query, 404/403 shown as "not found" (as the server answers out of scope), a retry on other errors, the back
// link, the card with number and status, the facts, the actions the server allows now, and the timeline. After an
// action the page shows the case the server returned and refreshes 工作台; a refused action (409) reloads it.
import type { ReactNode } from 'react';
import { Button, Card, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { TODOS_KEY, type CaseStep } from '../api/transfers.ts';
import { TransferTimeline } from '../pages/transfers/TransferTimeline.tsx';
import { errorText } from '../utils/notify.ts';
import { PageSpin } from './PageSpin.tsx';

export interface CaseDetailData {
  number: string;
  version: number;
  allowedActions: readonly string[];
  steps: CaseStep[];
}

export interface CaseActionHandlers<T> {
  /** The server's copy after a successful action. */
  onUpdated: (next: T) => void;
  /** The action was refused (stale version, state moved on): reload. */
  onRefused: () => void;
}

interface Props<T extends CaseDetailData> {
  /** The react-query key's first part, e.g. 'appeal'. */
  queryName: string;
  load: (id: number) => Promise<T>;
  backTo: string;
  /** i18n keys. */
  text: { back: string; notFound: string; title: string; timeline: string; steps: string };
  /** data-testid of the page; `${testId}-number` marks the case number. */
  testId: string;
  status: (data: T) => ReactNode;
  facts: (data: T) => ReactNode;
  /** The actions block; shown only when the server allows an action (unless `alwaysActions`). */
  actions?: (data: T, handlers: CaseActionHandlers<T>) => ReactNode;
  /** Cards between the case card and the timeline (e.g. a household's assistance). */
  between?: (data: T) => ReactNode;
  /** The timeline's steps, when the page adapts them. */
  steps?: (data: T) => CaseStep[];
}

export function CaseDetailPage<T extends CaseDetailData>(p: Props<T>) {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = [p.queryName, id];
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({ queryKey: key, queryFn: () => p.load(id), enabled: valid });
  const back = (
    <Link to={p.backTo}>
      <ArrowLeftOutlined /> {t(p.text.back)}
    </Link>
  );
  if (!valid) return <Result status="404" title={t(p.text.notFound)} extra={back} />;
  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    const known = status === 403 || status === 404;
    return (
      <Result
        status={known ? (String(status) as '403' | '404') : 'error'}
        title={known ? t(p.text.notFound) : errorText(query.error)}
        extra={[
          back,
          <Button key="retry" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>,
        ]}
      />
    );
  }
  const data = query.data;
  const refreshTodos = () => void queryClient.invalidateQueries({ queryKey: TODOS_KEY });
  const handlers: CaseActionHandlers<T> = {
    onUpdated: (next) => {
      queryClient.setQueryData(key, next);
      refreshTodos();
    },
    onRefused: () => {
      void query.refetch();
      refreshTodos();
    },
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid={`${p.testId}`}>
      {back}
      <Card
        title={
          <Space size={8} wrap>
            <span>{t(p.text.title)}</span>
            <Typography.Text className="mono" data-testid={`${p.testId}-number`}>
              {data.number}
            </Typography.Text>
            {p.status(data)}
          </Space>
        }
      >
        {p.facts(data)}
        {p.actions && data.allowedActions.length > 0 && <div style={{ marginTop: 16 }}>{p.actions(data, handlers)}</div>}
      </Card>
      {p.between?.(data)}
      <Card title={t(p.text.timeline)}>
        <TransferTimeline steps={p.steps ? p.steps(data) : data.steps} stepLabel={(a) => t(`${p.text.steps}.${a}`, { defaultValue: a })} />
      </Card>
    </Space>
  );
}
