// A realistic summary used by the renderers' tests and for previewing the layout by hand.
import type { RenderDoc } from './layout.ts';

export function sampleDoc(charts: RenderDoc['charts'] = []): RenderDoc {
  return {
    title: '市总工会2026年上半年工作总结',
    dateLine: '2026年7月5日',
    signer: '某某市总工会',
    sections: [
      {
        heading: '',
        level: 1,
        paragraphs: [
          '2026年上半年，市总工会在市委和上级工会的坚强领导下，深入学习贯彻习近平新时代中国特色社会主义思想，紧紧围绕全市中心工作，团结动员广大职工建功立业，各项工作取得新成效。现将有关情况总结如下。',
        ],
      },
      { heading: '一、组织建设不断夯实', level: 1, paragraphs: [] },
      {
        heading: '（一）基层工会组织覆盖面持续扩大',
        level: 2,
        paragraphs: [
          '上半年全市新建基层工会组织38家，完成年度目标任务的58.46%，高于时间进度7.23个百分点。其中新建非公企业工会21家、社会组织工会9家、新就业形态劳动者工会8家。',
          '截至6月30日，全市共有基层工会组织3581家，较去年同期增长4.12%。',
        ],
      },
      {
        heading: '（二）会员发展工作扎实推进',
        level: 2,
        paragraphs: ['上半年新发展会员2165人，其中农民工会员1024人，新就业形态劳动者会员563人；办理会员接转312人次。'],
      },
      { heading: '1. 会员实名制管理', level: 3, paragraphs: ['全市实名制会员达到15.6万人，实名率98.20%，会员信息核查整改1247条。'] },
      {
        heading: '二、存在的问题和下一步打算',
        level: 1,
        paragraphs: ['对照全年目标，职工之家建设、困难职工帮扶等指标进度偏慢，下半年将加强督导，确保全面完成年度目标任务。'],
      },
    ],
    charts,
  };
}
