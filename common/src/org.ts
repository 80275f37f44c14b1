// Organisation levels, kinds and life events, with their Chinese labels.
export const ORG_LEVELS = ['province', 'city', 'district', 'street', 'federation', 'grassroots'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  province: '省总工会',
  city: '市总工会',
  district: '县/区总工会',
  street: '乡镇/街道总工会',
  federation: '工会联合会/联合工会',
  grassroots: '基层工会',
};

// A child must sit strictly below its parent; a federation sits between a street and its grassroots unions.
export const ORG_LEVEL_RANK: Record<OrgLevel, number> = {
  province: 1,
  city: 2,
  district: 3,
  street: 4,
  federation: 4.5,
  grassroots: 5,
};

export function canParent(parent: OrgLevel, child: OrgLevel): boolean {
  return ORG_LEVEL_RANK[child] > ORG_LEVEL_RANK[parent];
}

export const ORG_KINDS = [
  'federation_body',
  'enterprise_state',
  'enterprise_collective',
  'enterprise_private',
  'enterprise_foreign',
  'public_institution',
  'community',
  'migrant',
  'joint',
  'industry_federation',
  'new_forms',
  'school',
  'hospital',
  'project',
  'other',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  federation_body: '地方总工会',
  enterprise_state: '国有企业工会',
  enterprise_collective: '集体企业工会',
  enterprise_private: '非公企业工会',
  enterprise_foreign: '外资企业工会',
  public_institution: '机关事业单位工会',
  community: '社区/村工会',
  migrant: '农民工工会',
  joint: '联合工会',
  industry_federation: '行业工会联合会',
  new_forms: '新业态工会',
  school: '学校工会',
  hospital: '医院工会',
  project: '项目工会',
  other: '其他',
};

export const ORG_STATUSES = ['active', 'dissolved'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];
export const ORG_STATUS_LABELS: Record<OrgStatus, string> = { active: '正常', dissolved: '已注销' };

// 'found' is written by creation; the rest are posted as events.
export const ORG_EVENT_TYPES = ['found', 'rename', 'reelect', 'upgrade', 'move', 'dissolve'] as const;
export type OrgEventType = (typeof ORG_EVENT_TYPES)[number];
export const ORG_EVENT_LABELS: Record<OrgEventType, string> = {
  found: '建会',
  rename: '更名',
  reelect: '换届选举',
  upgrade: '升格',
  move: '转出（变更上级）',
  dissolve: '注销',
};
