// Labels for enum values and fields in the current language, falling back to common's Chinese labels or the raw value.
import { useTranslation } from 'react-i18next';
import {
  AUDIT_ACTION_LABELS,
  FIELD_LABELS,
  GENDER_LABELS,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  ORG_EVENT_LABELS,
  ORG_KIND_LABELS,
  ORG_LEVEL_LABELS,
  ORG_STATUS_LABELS,
  PERMISSION_LABELS,
} from '@gonghui/common';

function lookup(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function useLabels() {
  const { t } = useTranslation();
  const label = (group: string, key: string, fallback: string | undefined): string =>
    t(`${group}.${key}`, { defaultValue: fallback ?? key, keySeparator: '.', nsSeparator: false });
  return {
    t,
    level: (v: string) => label('enums.orgLevel', v, lookup(ORG_LEVEL_LABELS, v)),
    kind: (v: string) => label('enums.orgKind', v, lookup(ORG_KIND_LABELS, v)),
    status: (v: string) => label('enums.orgStatus', v, lookup(ORG_STATUS_LABELS, v)),
    eventType: (v: string) => label('enums.orgEvent', v, lookup(ORG_EVENT_LABELS, v)),
    permission: (v: string) => label('enums.permission', v, lookup(PERMISSION_LABELS, v)),
    field: (v: string) => label('fields', v, lookup(FIELD_LABELS, v)),
    memberCategory: (v: string) => label('enumsMember.category', v, lookup(MEMBER_CATEGORY_LABELS, v)),
    memberStatus: (v: string) => label('enumsMember.status', v, lookup(MEMBER_STATUS_LABELS, v)),
    gender: (v: string) => label('enumsMember.gender', v, lookup(GENDER_LABELS, v)),
    memberEvent: (v: string) => label('memberEvent', v, undefined),
  };
}

/** Audit action keys contain dots ('org.create'), so they are looked up without key splitting. */
export function useAuditActionLabel(): (action: string) => string {
  const { i18n } = useTranslation();
  return (action) => {
    const table: unknown = i18n.getResource(i18n.language, 'translation', 'enums.auditAction');
    const localized = typeof table === 'object' && table !== null ? lookup(table as Record<string, string>, action) : undefined;
    return localized ?? lookup(AUDIT_ACTION_LABELS, action) ?? action;
  };
}

export type Labels = ReturnType<typeof useLabels>;
