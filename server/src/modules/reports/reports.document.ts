// A summary as a document: its sections with current figures, and charts drawn from the same ECharts option
// builders the console's dashboard uses, rendered on the server.
import { childrenRankChartOption, completionChartOption, trendChartOption, type TSummary } from '@gonghui/common';
import type { OrgRef, StatsService, TargetService } from '../stats/index.ts';
import { DOC_CHART, renderChartPng, renderDocx, renderPdf, type RenderDoc } from './render/index.ts';
import { cnDate } from '../../platform/summary/index.ts';

type Deps = { stats: StatsService; targets: TargetService };

async function chartsFor({ stats, targets }: Deps, org: OrgRef, s: TSummary): Promise<RenderDoc['charts']> {
  const png = (option: object) => renderChartPng(option, DOC_CHART.width, DOC_CHART.height, DOC_CHART.scale);
  const from = `${s.year}-01-01`;
  const [trend, kids, t] = await Promise.all([
    stats.trendFor(org, s.year, new Set(['members.joined', 'orgs.founded'])),
    stats.children(org, from, s.asOf, new Set(['members.total'])),
    targets.itemsFor(org, s.year, s.asOf),
  ]);
  const idx = (word: string) => s.sections.findIndex((x) => x.heading.includes(word));
  const months = Number(s.asOf.slice(5, 7));
  const upTo = {
    ...trend,
    months: trend.months.slice(0, months),
    series: Object.fromEntries(Object.entries(trend.series).map(([k, v]) => [k, v.slice(0, months)])),
  };
  const charts: RenderDoc['charts'] = [
    {
      caption: `图1 ${s.year}年逐月发展会员和新建工会情况`,
      png: png(trendChartOption(upTo, { 'members.joined': '发展会员（人）', 'orgs.founded': '新建工会（家）' }, { type: 'bar' })),
      afterSection: idx('会员发展'),
    },
  ];
  const rows = kids.children.map((c) => ({ name: c.name, value: c.values['members.total'] ?? 0 })).filter((r) => r.value > 0);
  if (rows.length > 1)
    charts.push({
      caption: `图${charts.length + 1} 各单位会员人数（截至${cnDate(s.asOf)}）`,
      png: png(childrenRankChartOption(rows.slice(0, 15), '各单位会员人数', '人')),
      afterSection: idx('会员发展'),
    });
  if (t.items.length) {
    const progress = t.items[0]?.timeProgress ?? 0;
    charts.push({
      caption: `图${charts.length + 1} 目标任务完成情况`,
      png: png(
        completionChartOption(
          t.items.map((i) => ({ label: i.label, percent: i.percent })),
          progress,
        ),
      ),
      afterSection: idx('目标任务'),
    });
  }
  return charts;
}

export async function summaryDocument(deps: Deps, org: OrgRef, s: TSummary, format: 'docx' | 'pdf', today: string): Promise<Buffer> {
  const doc: RenderDoc = {
    title: s.title,
    signer: s.orgName,
    dateLine: cnDate(today, true),
    sections: s.sections.map((x) => ({ heading: x.heading, level: x.level === 3 ? 3 : x.level === 2 ? 2 : 1, paragraphs: x.paragraphs })),
    charts: await chartsFor(deps, org, s),
  };
  return format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
}
