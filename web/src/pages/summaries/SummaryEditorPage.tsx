// /summaries/:id: a work summary's title and sections (edited as source text with figure tokens), the legend of
// its figures with drill-down, and save, 重新计算数据, 定稿 and the .docx / .pdf downloads.
import { useState } from 'react';
import { Alert, Button, Card, Col, Input, Row, Segmented, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FilePdfOutlined, FileWordOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFigure, TSummary } from '@gonghui/common';
import { summaryApi } from '../../api/stats.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { useCan } from '../../app/session.ts';
import { formatDateTime } from '../../utils/format.ts';
import { errorText, notifyError, notifySuccess } from '../../utils/notify.ts';
import { RecordsDrawer } from '../stats/shared/RecordsDrawer.tsx';
import { FigureLegend } from './FigureLegend.tsx';
import { SectionsEditor, type SectionDraft } from './SectionsEditor.tsx';

export function SummaryEditorPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const summary = useQuery({ queryKey: ['summary', id], queryFn: () => summaryApi.get(id), enabled: Number.isInteger(id) && id > 0 });
  if (summary.error)
    return <Alert type="error" showIcon message={errorText(summary.error)} action={<Link to="/summaries">{t('summary.back')}</Link>} />;
  if (!summary.data) return <PageSpin />;
  // Remounted whenever the server's copy changes (save, refresh), so the draft starts from what was stored.
  return <SummaryEditor key={summary.data.updatedAt} summary={summary.data} />;
}

function draftOf(s: TSummary): SectionDraft[] {
  return s.sections.map((x) => ({ heading: x.heading, level: x.level, source: [...x.source] }));
}

function SummaryEditor({ summary }: { summary: TSummary }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const canEdit = can('report:manage');
  const [title, setTitle] = useState(summary.title);
  const [sections, setSections] = useState<SectionDraft[]>(() => draftOf(summary));
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<'save' | 'refresh' | 'final' | 'docx' | 'pdf'>();
  const [drill, setDrill] = useState<TFigure>();
  const figures = new Map(summary.figures.map((f) => [f.id, f]));

  const stored = (next: TSummary) => {
    queryClient.setQueryData(['summary', next.id], next);
    void queryClient.invalidateQueries({ queryKey: ['summaries'] });
  };
  const run = async (what: NonNullable<typeof busy>, fn: () => Promise<void>) => {
    setBusy(what);
    try {
      await fn();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const saveBody = () => ({
    title: title.trim(),
    sections: sections.map((s) => ({ heading: s.heading, level: s.level, source: s.source })),
  });
  const save = () =>
    run('save', async () => {
      stored(await summaryApi.update(summary.id, saveBody()));
      notifySuccess(t('common.saved'));
    });
  const refresh = () =>
    run('refresh', async () => {
      if (dirty) await summaryApi.update(summary.id, saveBody());
      stored(await summaryApi.refresh(summary.id));
      notifySuccess(t('summary.refreshed'));
    });
  const setStatus = (status: TSummary['status']) =>
    run('final', async () => {
      stored(await summaryApi.update(summary.id, { ...(dirty ? saveBody() : {}), status }));
    });
  const fileName = (ext: string) => `${summary.title}.${ext}`;
  const download = (format: 'docx' | 'pdf') =>
    run(format, async () => {
      if (dirty) stored(await summaryApi.update(summary.id, saveBody()));
      await summaryApi.download(summary.id, format, fileName(format));
    });

  const change = (next: SectionDraft[]) => {
    setSections(next);
    setDirty(true);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Link to="/summaries">
              <ArrowLeftOutlined /> {t('summary.back')}
            </Link>
            <Tag color="red">{summary.orgName}</Tag>
            <Tag>{t(`summary.periods.${summary.period}`)}</Tag>
            <Typography.Text type="secondary">
              {t('summary.meta', { asOf: summary.asOf, updatedAt: formatDateTime(summary.updatedAt) })}
            </Typography.Text>
            <Tag color={summary.status === 'final' ? 'green' : 'gold'} data-testid="summary-status">
              {t(`summary.statuses.${summary.status}`)}
            </Tag>
            {dirty && <Tag color="orange">{t('summary.unsaved')}</Tag>}
          </Space>
          <Space wrap>
            {canEdit && (
              <>
                <Segmented<'read' | 'edit'>
                  value={editing ? 'edit' : 'read'}
                  onChange={(v) => setEditing(v === 'edit')}
                  options={[
                    { value: 'read', label: t('summary.modeRead') },
                    { value: 'edit', label: <span data-testid="summary-mode-edit">{t('summary.modeEdit')}</span> },
                  ]}
                />
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={!dirty}
                  loading={busy === 'save'}
                  onClick={() => void save()}
                  data-testid="summary-save"
                >
                  {t('common.save')}
                </Button>
                <Button icon={<ReloadOutlined />} loading={busy === 'refresh'} onClick={() => void refresh()} data-testid="summary-refresh">
                  {t('summary.refresh')}
                </Button>
                <Button loading={busy === 'final'} onClick={() => void setStatus(summary.status === 'final' ? 'draft' : 'final')}>
                  {summary.status === 'final' ? t('summary.reopen') : t('summary.finalize')}
                </Button>
              </>
            )}
            <Button
              icon={<FileWordOutlined />}
              loading={busy === 'docx'}
              onClick={() => void download('docx')}
              data-testid="summary-download-docx"
            >
              {t('summary.downloadDocx')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              loading={busy === 'pdf'}
              onClick={() => void download('pdf')}
              data-testid="summary-download-pdf"
            >
              {t('summary.downloadPdf')}
            </Button>
          </Space>
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" styles={{ body: { padding: '16px 32px' } }}>
            {editing ? (
              <Input
                value={title}
                onChange={(e) => {
                  setTitle(e.target.value);
                  setDirty(true);
                }}
                style={{ fontSize: 20, fontWeight: 700, textAlign: 'center', marginBottom: 16 }}
                data-testid="summary-title-input"
              />
            ) : (
              <h2 style={{ textAlign: 'center', color: '#8b1a1a', margin: '8px 0 20px' }} data-testid="summary-title">
                {title}
              </h2>
            )}
            <SectionsEditor sections={sections} figures={figures} editing={editing} onChange={change} onDrill={setDrill} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('summary.legend', { count: summary.figures.length })}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('summary.legendHint', { token: '{{f1}}' })}
            </Typography.Paragraph>
            <FigureLegend figures={summary.figures} onDrill={setDrill} />
          </Card>
        </Col>
      </Row>
      <RecordsDrawer
        path={drill?.records ?? undefined}
        title={drill ? `${drill.label}（${drill.from} — ${drill.to}）` : undefined}
        onClose={() => setDrill(undefined)}
      />
    </Space>
  );
}
