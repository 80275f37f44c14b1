// Every figure the summary quotes: token, label, value with unit, period, and a link to the records behind it.
import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { renderFigureText, type TFigure } from '@gonghui/common';

export function FigureLegend({ figures, onDrill }: { figures: TFigure[]; onDrill: (f: TFigure) => void }) {
  const { t } = useTranslation();
  const columns: ColumnsType<TFigure> = [
    {
      title: t('summary.figureToken'),
      dataIndex: 'id',
      width: 64,
      render: (id: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
          {id}
        </Typography.Text>
      ),
    },
    {
      title: t('summary.figureLabel'),
      dataIndex: 'label',
      render: (_: unknown, f: TFigure) => (
        <div style={{ lineHeight: 1.4 }}>
          <div>{f.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.from === f.to ? t('dashboard.asOf', { date: f.to }) : `${f.from} — ${f.to}`}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('summary.figureValue'),
      key: 'value',
      width: 96,
      align: 'right',
      render: (_: unknown, f: TFigure) => <b style={{ color: '#a8071a', whiteSpace: 'nowrap' }}>{renderFigureText(`{{${f.id}}}`, [f])}</b>,
    },
    {
      title: '',
      key: 'drill',
      width: 56,
      render: (_: unknown, f: TFigure) =>
        f.records ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(f)} data-testid="figure-drill">
            {t('summary.drill')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Table<TFigure>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={figures}
      pagination={false}
      scroll={{ y: 560 }}
      data-testid="figure-legend"
    />
  );
}
