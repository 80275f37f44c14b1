import type { MutualAidClaimStatus } from '@gonghui/common';

export const CLAIM_STATUS_COLORS: Record<MutualAidClaimStatus, string> = {
  submitted: 'gold',
  verified: 'blue',
  reviewed: 'cyan',
  paid: 'green',
  rejected: 'red',
  withdrawn: 'default',
};
