// 我的申请: the case types a member may submit and the choices of each form, Chinese first and English second.
// Values and Chinese labels mirror @gonghui/common (member-cases.ts and the type catalogues); case-options.test.ts
// fails when they drift. Kept here because the H5 bundle never imports common (zod would come with it).
import type { H5Lang } from './i18n.tsx';

export const CASE_TYPES = ['hardship', 'mutual_aid_claim', 'legal_aid', 'appeal', 'data_correction'] as const;
export type MemberCaseType = (typeof CASE_TYPES)[number];

/** value, Chinese, English. */
export type Option = readonly [value: string, zh: string, en: string];

export const TYPE_OPTIONS: Record<MemberCaseType, { zh: string; en: string; hintZh: string; hintEn: string }> = {
  hardship: {
    zh: '困难帮扶申请',
    en: 'Hardship assistance',
    hintZh: '因病、因残、失业等导致家庭生活困难',
    hintEn: 'Family hardship from illness, disability, job loss…',
  },
  mutual_aid_claim: {
    zh: '医疗互助报销',
    en: 'Medical mutual-aid claim',
    hintZh: '已参加医疗互助，就医后申请报销',
    hintEn: 'Claim medical costs under your mutual-aid plan',
  },
  legal_aid: {
    zh: '法律援助申请',
    en: 'Legal aid',
    hintZh: '劳动合同、工资、工伤等劳动争议',
    hintEn: 'Labour disputes: contract, wages, injury…',
  },
  appeal: {
    zh: '诉求反映',
    en: 'Raise a concern',
    hintZh: '向工会反映工作中遇到的问题',
    hintEn: 'Tell the union about a problem at work',
  },
  data_correction: {
    zh: '信息更正申请',
    en: 'Correct my information',
    hintZh: '会员档案中的姓名、手机号、身份证号等有误',
    hintEn: 'Your member record has a wrong name, phone, ID…',
  },
};

export const CORRECTION_FIELD_OPTIONS: readonly Option[] = [
  ['name', '姓名', 'Name'],
  ['phone', '手机号码', 'Phone'],
  ['idNumber', '身份证号码', 'ID number'],
  ['joinedAt', '入会日期', 'Joined on'],
  ['category', '会员类别', 'Member category'],
  ['other', '其他信息', 'Other'],
];

export const HARDSHIP_CAUSE_OPTIONS: readonly Option[] = [
  ['illness', '因病', 'Illness'],
  ['disability', '因残', 'Disability'],
  ['unemployment', '失业', 'Unemployment'],
  ['disaster', '因灾', 'Disaster'],
  ['education', '子女教育', "Children's education"],
  ['single_parent', '单亲家庭', 'Single parent'],
  ['accident', '意外事故', 'Accident'],
  ['other', '其他', 'Other'],
];

export const CLAIM_KIND_OPTIONS: readonly Option[] = [
  ['inpatient', '住院', 'Inpatient'],
  ['outpatient_chronic', '门诊慢性病', 'Chronic outpatient'],
  ['critical', '重大疾病', 'Critical illness'],
  ['accident', '意外伤害', 'Accidental injury'],
];

export const LEGAL_AID_CATEGORY_OPTIONS: readonly Option[] = [
  ['contract', '劳动合同', 'Employment contract'],
  ['wages', '工资报酬', 'Wages'],
  ['injury', '工伤', 'Work injury'],
  ['social_insurance', '社会保险', 'Social insurance'],
  ['dismissal', '解除劳动关系', 'Dismissal'],
  ['other', '其他', 'Other'],
];

export const APPEAL_CATEGORY_OPTIONS: readonly Option[] = [
  ['wages', '工资报酬', 'Wages'],
  ['contract', '劳动合同', 'Employment contract'],
  ['insurance', '社会保险', 'Social insurance'],
  ['safety', '安全卫生', 'Safety and health'],
  ['welfare', '福利待遇', 'Benefits'],
  ['other', '其他', 'Other'],
];

export const isCaseType = (v: string | null | undefined): v is MemberCaseType => (CASE_TYPES as readonly string[]).includes(v ?? '');

export const typeLabel = (type: MemberCaseType, lang: H5Lang) => TYPE_OPTIONS[type][lang];

/** antd-mobile Selector options in the current language. */
export const selectorOptions = (opts: readonly Option[], lang: H5Lang) =>
  opts.map(([value, zh, en]) => ({ value, label: lang === 'en' ? en : zh }));

/** Limits of the forms (common/src/member-cases.ts and LIMITS). */
export const CASE_LIMITS = {
  narrative: 2000,
  hospital: 100,
  diagnosis: 500,
  employerName: 100,
  withdrawReason: 500,
  householdMax: 30,
  incomePerHeadMaxFen: 100_000_000,
  attachments: 10,
  attachmentBytes: 10 * 1024 * 1024,
  correction: 200,
} as const;
