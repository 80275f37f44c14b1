// Labels of breakdown dimensions (组织类型, 人员类别 …) and of their members (enum keys such as enterprise_private).
// A dimension's name is only unique within a module: `kind` of an org indicator is 组织类型, of an assistance
// indicator 帮扶类型, so the indicator's key picks the module's labels first.
import { useTranslation } from 'react-i18next';
import {
  ASSISTANCE_KIND_LABELS,
  CAMPAIGN_KIND_LABELS,
  DIMENSION_LABELS,
  FUND_SOURCE_LABELS,
  HARDSHIP_CAUSE_LABELS,
  HARDSHIP_TIER_LABELS,
  INJURY_SEVERITY_LABELS,
  ORG_KIND_LABELS,
  ORG_LEVEL_LABELS,
  RIGHTS_CHANNEL_LABELS,
  RIGHTS_OUTCOME_LABELS,
  RIGHTS_SUBJECT_LABELS,
  RIGHTS_TYPE_LABELS,
} from '@gonghui/common';
import { useLabels } from '../../../i18n/labels.ts';

interface ModuleDimension {
  label: string;
  members: Record<string, string>;
}

/** Dimensions of the indicators whose key starts with the module's prefix. */
const MODULE_DIMENSIONS: Record<string, Record<string, ModuleDimension>> = {
  'assistance.': {
    kind: { label: '帮扶类型', members: ASSISTANCE_KIND_LABELS },
    fundSource: { label: '经费来源', members: FUND_SOURCE_LABELS },
    campaignKind: { label: '帮扶活动', members: { ...CAMPAIGN_KIND_LABELS, none: '活动以外' } },
  },
  'hardship.': {
    tier: { label: '困难类别', members: HARDSHIP_TIER_LABELS },
    cause: { label: '致困原因', members: HARDSHIP_CAUSE_LABELS },
  },
  'rights.': {
    type: { label: '案件类型', members: RIGHTS_TYPE_LABELS },
    subject: { label: '争议事项', members: RIGHTS_SUBJECT_LABELS },
    channel: { label: '来源渠道', members: RIGHTS_CHANNEL_LABELS },
    outcome: { label: '办理结果', members: RIGHTS_OUTCOME_LABELS },
  },
  'injury.': {
    severity: { label: '伤情', members: INJURY_SEVERITY_LABELS },
  },
};

function moduleDimension(indicatorKey: string | undefined, dim: string): ModuleDimension | undefined {
  if (!indicatorKey) return undefined;
  const prefix = Object.keys(MODULE_DIMENSIONS).find((p) => indicatorKey.startsWith(p));
  const dims = prefix ? MODULE_DIMENSIONS[prefix] : undefined;
  return dims && Object.hasOwn(dims, dim) ? dims[dim] : undefined;
}

export function useDimensionLabels() {
  const { t } = useTranslation();
  const labels = useLabels();
  const dimension = (dim: string, indicatorKey?: string): string =>
    moduleDimension(indicatorKey, dim)?.label ??
    t(`stats.dimension.${dim}`, { defaultValue: Object.hasOwn(DIMENSION_LABELS, dim) ? DIMENSION_LABELS[dim] : dim });
  const member = (dim: string, key: string, indicatorKey?: string): string => {
    const own = moduleDimension(indicatorKey, dim);
    if (own) return Object.hasOwn(own.members, key) ? (own.members[key] as string) : key;
    switch (dim) {
      case 'kind':
        return Object.hasOwn(ORG_KIND_LABELS, key) ? labels.kind(key) : key;
      case 'level':
        return Object.hasOwn(ORG_LEVEL_LABELS, key) ? labels.level(key) : key;
      case 'category':
        return labels.memberCategory(key);
      case 'gender':
        return labels.gender(key);
      case 'status':
        return labels.memberStatus(key);
      default:
        return key;
    }
  };
  return { dimension, member };
}
