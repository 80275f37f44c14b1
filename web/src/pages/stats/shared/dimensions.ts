// Labels of breakdown dimensions (组织类型, 人员类别 …) and of their members (enum keys such as enterprise_private).
import { useTranslation } from 'react-i18next';
import { DIMENSION_LABELS, ORG_KIND_LABELS, ORG_LEVEL_LABELS } from '@gonghui/common';
import { useLabels } from '../../../i18n/labels.ts';

export function useDimensionLabels() {
  const { t } = useTranslation();
  const labels = useLabels();
  const dimension = (dim: string): string =>
    t(`stats.dimension.${dim}`, { defaultValue: Object.hasOwn(DIMENSION_LABELS, dim) ? DIMENSION_LABELS[dim] : dim });
  const member = (dim: string, key: string): string => {
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
