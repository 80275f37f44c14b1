// /targets (目标任务): a year and an org; the org's own targets, then each direct child's targets (层层分解), actual,
// completion against the time progress (时间进度) and rank among its siblings.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Progress, Select, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { targetFitsLevel, timeProgress as progressOf, yearWindow } from '@gonghui/common';
import { targetApi } from '../../api/stats.ts';
import { useCan, useSession } from '../../app/session.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { errorText } from '../../utils/notify.ts';
import { useIsPhone } from '../../utils/useIsPhone.ts';
import { formatPercent } from '../stats/shared/format.ts';
import { OrgPicker } from '../stats/shared/OrgPicker.tsx';
import { useIndicators } from '../stats/shared/useIndicators.ts';
import { ChildTargetsTable } from './ChildTargetsTable.tsx';
import { useTargetsUrl } from './useTargetsUrl.ts';
import { OwnTargetsCard } from './OwnTargetsCard.tsx';
import { defaultTargetKeys } from './targetShared.tsx';

export function TargetsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const can = useCan();
  const phone = useIsPhone();
  const queryClient = useQueryClient();
  const { org, setOrg, year, setYear, loading } = useTargetsUrl(me.org);
  // The cut-off of completion (e.g. 6月20日 for a half-year report); empty: today, or the year's end.
  const [asOf, setAsOf] = useState<string>();
  const [picked, setPicked] = useState<string[]>();
  const indicators = useIndicators();

  const own = useQuery({ queryKey: ['targets', org.id, year, 'own', asOf], queryFn: () => targetApi.get(org.id, year, asOf) });
  const children = useQuery({
    queryKey: ['targets', org.id, year, 'children', asOf],
    queryFn: () => targetApi.children(org.id, year, asOf),
    enabled: org.childCount > 0,
  });

  // Keys with a target anywhere (own or children) are shown; before any exists, the yearly growth indicators.
  const withTargets = useMemo(() => {
    const keys = new Set<string>();
    for (const i of own.data?.items ?? []) if (i.target > 0 || (i.childrenTarget ?? 0) > 0) keys.add(i.key);
    for (const k of children.data?.keys ?? []) if ((k.parentTarget ?? 0) > 0 || k.childrenTarget > 0) keys.add(k.key);
    return [...keys];
  }, [own.data, children.data]);
  useEffect(() => setPicked(undefined), [org.id, year]);
  useEffect(() => setAsOf(undefined), [year]);
  const offered = indicators.list.filter((i) => targetFitsLevel(i.key, org.level));
  const keys = picked ?? (withTargets.length > 0 ? withTargets : defaultTargetKeys(offered));
  const shown = keys.map((k) => indicators.byKey.get(k)).filter((i) => i !== undefined);

  const reload = () => void queryClient.invalidateQueries({ queryKey: ['targets', org.id, year] });
  const canManage = can('target:manage');
  // An org's targets come from its parent's cadres; only the root org sets its own.
  const canEditOwn = canManage && (org.parentId === null ? org.id === me.org.id : org.id !== me.org.id);
  // The same for every org on a day: computed here too, for an org with no children and no target yet.
  const timeProgress = children.data?.timeProgress ?? own.data?.items[0]?.timeProgress ?? progressOf(year, yearWindow(year, asOf).to);
  const parentTargets = Object.fromEntries((own.data?.items ?? []).map((i) => [i.key, i.target > 0 ? i.target : null]));
  const error = own.error ?? children.error ?? indicators.error;

  if (loading) return <PageSpin />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space size={phone ? 12 : 24} wrap align="center">
          <OrgPicker id="targets-org" org={org} home={me.org} onChange={setOrg} />
          <Space size={8}>
            <label htmlFor="targets-year" className="filter-label">
              {t('target.year')}
            </label>
            <DatePicker
              id="targets-year"
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(d) => d && setYear(d.year())}
            />
          </Space>
          <Space size={8}>
            <label htmlFor="targets-as-of" className="filter-label">
              {t('target.asOf')}
            </label>
            <DatePicker
              id="targets-as-of"
              value={asOf ? dayjs(asOf) : null}
              placeholder={t('target.asOfDefault')}
              disabledDate={(d) => d.year() !== year || d.isAfter(dayjs(), 'day')}
              onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
            />
          </Space>
          <Space size={8}>
            <label htmlFor="targets-keys" className="filter-label">
              {t('target.indicators')}
            </label>
            <Select<string[]>
              id="targets-keys"
              mode="multiple"
              value={keys}
              onChange={setPicked}
              style={{ minWidth: phone ? 240 : 320, maxWidth: '100%' }}
              maxTagCount="responsive"
              options={offered.map((i) => ({ value: i.key, label: i.label }))}
              data-testid="targets-keys"
            />
          </Space>
          {timeProgress !== undefined && (
            <Space size={8} data-testid="time-progress">
              <Statistic
                title={t('target.timeProgress')}
                value={formatPercent(timeProgress)}
                valueStyle={{ fontSize: 20, color: '#8b1a1a' }}
              />
              <Progress type="circle" size={44} percent={timeProgress} showInfo={false} strokeColor="#d4a017" />
            </Space>
          )}
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={errorText(error)} />}
      <OwnTargetsCard
        key={`own-${org.id}-${year}`}
        org={org}
        year={year}
        data={own.data}
        loading={own.isLoading}
        indicators={shown}
        canEdit={canEditOwn}
        canManage={canManage}
        timeProgress={timeProgress ?? 0}
        onSaved={reload}
      />
      {org.childCount > 0 && (
        <ChildTargetsTable
          key={`children-${org.id}-${year}`}
          org={org}
          year={year}
          data={children.data}
          loading={children.isLoading}
          indicators={shown}
          parentTargets={parentTargets}
          canEdit={canManage}
          onSaved={reload}
        />
      )}
    </Space>
  );
}
