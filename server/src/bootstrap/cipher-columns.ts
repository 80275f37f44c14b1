// Every encrypted column of the database, for the start-up key self-test and `npm run keys:rotate`.
// A module that adds an encrypted column lists it here (and binds its values to { table, column, key } rows).
import type { CipherColumn } from '../platform/crypto/index.ts';
import { MEMBER_CIPHER_COLUMNS } from '../modules/members/index.ts';
import { IMPORT_CIPHER_COLUMNS } from '../modules/member-imports/index.ts';
import { MFA_CIPHER_COLUMNS } from '../modules/auth/index.ts';
import { HARDSHIP_CIPHER_COLUMNS } from '../modules/hardship/index.ts';
import { ASSISTANCE_CIPHER_COLUMNS, BENEFICIARY_IMPORT_CIPHER_COLUMNS } from '../modules/assistance/index.ts';
import { RIGHTS_CIPHER_COLUMNS } from '../modules/rights/index.ts';
import { APPEAL_CIPHER_COLUMNS } from '../modules/appeals/index.ts';
import { MUTUAL_AID_CIPHER_COLUMNS } from '../modules/mutual-aid/index.ts';
import { JOIN_CIPHER_COLUMNS } from '../modules/join-applications/index.ts';

export const CIPHER_COLUMNS: CipherColumn[] = [
  ...MEMBER_CIPHER_COLUMNS,
  ...IMPORT_CIPHER_COLUMNS,
  ...MFA_CIPHER_COLUMNS,
  ...HARDSHIP_CIPHER_COLUMNS,
  ...ASSISTANCE_CIPHER_COLUMNS,
  ...BENEFICIARY_IMPORT_CIPHER_COLUMNS,
  ...RIGHTS_CIPHER_COLUMNS,
  ...APPEAL_CIPHER_COLUMNS,
  ...MUTUAL_AID_CIPHER_COLUMNS,
  ...JOIN_CIPHER_COLUMNS,
];
