// Date range with the quick picks cadres use most: 上半年, 全年, 本月.
import { DatePicker, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentYear, quickOf, quickRange, type DateRange, type QuickPeriod } from './period.ts';

interface PeriodPickerProps {
  value: DateRange;
  onChange: (range: DateRange) => void;
}

export function PeriodPicker({ value, onChange }: PeriodPickerProps) {
  const { t } = useTranslation();
  const year = Number(value.from.slice(0, 4)) || currentYear();
  const quick = quickOf(value);
  return (
    <Space size={8} wrap>
      <Typography.Text type="secondary">{t('stats.period')}</Typography.Text>
      <Radio.Group
        value={quick}
        optionType="button"
        buttonStyle="solid"
        onChange={(e) => onChange(quickRange(e.target.value as QuickPeriod, year))}
        options={[
          { value: 'h1', label: <span data-testid="period-h1">{t('stats.quick.h1')}</span> },
          { value: 'year', label: <span data-testid="period-year">{t('stats.quick.year')}</span> },
          { value: 'month', label: <span data-testid="period-month">{t('stats.quick.month')}</span> },
        ]}
      />
      <DatePicker.RangePicker
        id="stats-range"
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        onChange={(v) => {
          const [from, to] = v ?? [];
          if (from && to) onChange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
        }}
      />
    </Space>
  );
}
