// Join application status → the Steps shown on the progress page. Unknown statuses count as under review.
/** Step index and state: submitted → under review → decided (approved, or rejected/withdrawn shown as error). */
export function joinSteps(status: string): { current: number; failed: boolean } {
  if (/^(approved|accepted|joined|done|completed)$/.test(status)) return { current: 2, failed: false };
  if (/^(rejected|declined|withdrawn|cancelled|canceled|closed)$/.test(status)) return { current: 2, failed: true };
  return { current: 1, failed: false };
}

const MEMBER_STATUS_LABELS: Record<string, { zh: string; en: string }> = {
  active: { zh: '在籍', en: 'Member' },
  retained: { zh: '保留会籍', en: 'Membership retained' },
  transferred: { zh: '转出', en: 'Transferred out' },
  left: { zh: '退会', en: 'Left the union' },
};

/** The membership status as people read it (the API answers the code, e.g. active → 在籍); unknown codes as is. */
export function memberStatusLabel(status: string, lang: 'zh' | 'en'): string {
  return MEMBER_STATUS_LABELS[status]?.[lang] ?? status;
}
