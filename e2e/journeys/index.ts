import type { Journey } from '../harness.ts';
import { memberJourneys } from './members.ts';
import { platformJourneys } from './platform.ts';
import { reportJourneys } from './reports.ts';

export const journeys: Journey[] = [...platformJourneys, ...memberJourneys, ...reportJourneys];
