// 办理过程 of a case: every step, oldest first, with who acted (and for which union), the opinion and the time.
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStep } from '../../api/transfers.ts';
import { formatDateTime } from '../../utils/format.ts';

const COLORS: Record<string, string> = {
  submit: 'blue',
  accept: 'green',
  reject: 'red',
  withdraw: 'gray',
  expire: 'orange',
  attach: 'cyan',
};
/** Steps whose text is a file name, not an opinion. */
const FILE_STEPS = new Set(['attach', 'detach']);

/** `stepLabel`: another case type's names of its steps (a hardship file's); a transfer's by default. */
export function TransferTimeline({ steps, stepLabel }: { steps: CaseStep[]; stepLabel?: (action: string) => string }) {
  const { t } = useTranslation();
  const label = stepLabel ?? ((a: string) => t(`transfer.steps.${a}`, { defaultValue: a }));
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.timelineEmpty')} />;
  const actor = (s: CaseStep) => [s.actorName, s.actorOrgName && `（${s.actorOrgName}）`].filter(Boolean).join('');
  return (
    <Timeline
      data-testid="transfer-timeline"
      items={steps.map((s, i) => ({
        key: i,
        color: COLORS[s.action] ?? 'gray',
        children: (
          <div data-testid="transfer-step" data-action={s.action}>
            <Typography.Text strong data-testid="transfer-step-action">
              {label(s.action)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {formatDateTime(s.at)}
            </Typography.Text>
            {actor(s) && <div data-testid="transfer-step-actor">{actor(s)}</div>}
            {s.opinion && (
              <Typography.Paragraph
                type="secondary"
                style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
                data-testid="transfer-step-opinion"
              >
                {FILE_STEPS.has(s.action) ? t('transfer.stepFile', { name: s.opinion }) : t('transfer.stepOpinion', { opinion: s.opinion })}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
