// The timeline of a case as every case type's detail answers it (the kernel's API contract: steps).
import type { CaseStepRow } from './cases.repo.ts';

export const presentCaseSteps = (steps: readonly CaseStepRow[]) =>
  steps.map((s) => ({
    action: s.action,
    from: s.fromStatus,
    to: s.toStatus,
    actorName: s.actorName,
    actorOrgName: s.actorOrgName,
    opinion: s.opinion,
    at: s.at.toISOString(),
  }));

export type PresentedStep = ReturnType<typeof presentCaseSteps>[number];
