// 待办 (GET /todos): cases awaiting the user's action, each linking to its case; overdue ones carry a red tag.
import { Button, Card, Empty, List, Result, Space, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { casePath, type TodoItem } from '../../api/transfers.ts';
import { errorText } from '../../utils/notify.ts';
import { formatDue } from '../transfers/TransferStatusTag.tsx';
import { todosQuery } from './workbenchQueries.ts';

export function useTodos() {
  return useQuery(todosQuery);
}

/** The SLA clock in working days: 剩余 N 个工作日 / 今日到期 / 已逾期 N 个工作日. */
function SlaText({ item }: { item: TodoItem }) {
  const { t } = useTranslation();
  if (item.overdue && item.overdueDays > 0)
    return (
      <Typography.Text type="danger" data-testid="todo-sla">
        {t('workbench.overdueBy', { count: item.overdueDays })}
      </Typography.Text>
    );
  if (item.remainingDays === null || item.remainingDays === undefined) return null;
  return (
    <Typography.Text type={item.remainingDays <= 1 ? 'warning' : 'secondary'} data-testid="todo-sla">
      {item.remainingDays === 0 ? t('workbench.dueToday') : t('workbench.remaining', { count: item.remainingDays })}
    </Typography.Text>
  );
}

function TodoRow({ item }: { item: TodoItem }) {
  const { t } = useTranslation();
  const path = casePath(item.type, item.caseId);
  const body = (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, width: '100%', minWidth: 0 }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space size={[6, 4]} wrap>
          <Tag color="blue" bordered={false}>
            {t(`workbench.types.${item.type}`, { defaultValue: item.type })}
          </Tag>
          <Typography.Text strong data-testid="todo-title">
            {item.title}
          </Typography.Text>
          {item.overdue && (
            <Tag color="red" data-testid="todo-overdue">
              {t('workbench.overdue')}
            </Tag>
          )}
        </Space>
        <div style={{ marginTop: 4 }}>
          <Space size={[12, 0]} wrap>
            <Typography.Text type="secondary" className="mono" data-testid="todo-number">
              {item.number}
            </Typography.Text>
            <Typography.Text type="secondary">{item.orgName}</Typography.Text>
            <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
              {item.dueAt ? t('workbench.dueAt', { date: formatDue(item.dueAt) }) : t('workbench.noDue')}
            </Typography.Text>
            <SlaText item={item} />
          </Space>
        </div>
      </div>
      {path && <RightOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
    </div>
  );
  return (
    <List.Item data-testid="todo-item" data-case-id={item.caseId} data-type={item.type} data-overdue={item.overdue}>
      {path ? (
        <Link to={path} style={{ display: 'block', width: '100%', color: 'inherit' }} aria-label={`${t('workbench.open')} ${item.number}`}>
          {body}
        </Link>
      ) : (
        body
      )}
    </List.Item>
  );
}

export function TodoList() {
  const { t } = useTranslation();
  const todos = useTodos();
  const items = todos.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <Card
      title={t('workbench.todos')}
      extra={
        <Space size={8}>
          <Typography.Text type="secondary" data-testid="todo-count">
            {t('workbench.todoCount', { count: items.length })}
          </Typography.Text>
          {overdue > 0 && (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="todo-overdue-count">
              {t('workbench.overdueCount', { count: overdue })}
            </Tag>
          )}
        </Space>
      }
      styles={{ body: { paddingBlock: 8 } }}
      data-testid="todo-list"
    >
      {todos.isError ? (
        <Result
          status="warning"
          subTitle={errorText(todos.error)}
          extra={
            <Button onClick={() => void todos.refetch()} data-testid="todo-retry">
              {t('common.retry')}
            </Button>
          }
        />
      ) : (
        <List<TodoItem>
          loading={todos.isPending}
          dataSource={items}
          rowKey={(i) => `${i.type}-${i.caseId}`}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid="todo-empty">{t('workbench.empty')}</span>} />
            ),
          }}
          renderItem={(item) => <TodoRow item={item} />}
        />
      )}
    </Card>
  );
}
