import type { Journey } from '../harness.ts';
import { appealJourneys } from './appeals.ts';
import { assistanceJourneys } from './assistance.ts';
import { memberHomeJourneys } from './member-home.ts';
import { memberJourneys } from './members.ts';
import { bigImportJourneys } from './members.big-import.ts';
import { memberPageJourneys } from './members.pages.ts';
import { mfaJourneys } from './mfa.ts';
import { mutualAidJourneys } from './mutual-aid.ts';
import { orgImportJourneys } from './org-import.ts';
import { platformJourneys } from './platform.ts';
import { reportJourneys } from './reports.ts';
import { speedJourneys } from './speed.ts';
import { transferJourneys } from './transfers.ts';

// MFA first: it enrols the administrator from the QR page; later journeys then log in with codes.
export const journeys: Journey[] = [
  ...mfaJourneys,
  ...platformJourneys,
  ...orgImportJourneys,
  ...memberJourneys,
  ...memberPageJourneys,
  ...transferJourneys,
  ...reportJourneys,
  ...assistanceJourneys,
  ...appealJourneys,
  ...mutualAidJourneys,
  ...memberHomeJourneys,
  ...speedJourneys,
  // Last: it adds 40,000 members to the demo union.
  ...bigImportJourneys,
];
