import type { Journey } from '../harness.ts';
import { platformJourneys } from './platform.ts';

export const journeys: Journey[] = [...platformJourneys];
