// The colour of an assistance entry's status tag, alike in the ledger and the detail.
import type { AssistanceStatus } from '@gonghui/common';

export const ASSISTANCE_STATUS_COLORS: Record<AssistanceStatus, string> = {
  requested: 'gold',
  approved: 'blue',
  paid: 'green',
  cancelled: 'default',
  reversed: 'red',
};
