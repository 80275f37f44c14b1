// The case kernel's public surface (decision 0005): case types register here; the overdue sweep and the shared
// routes (to-dos, calendar) are wired in server.ts and main.ts.
export {
  createCaseKernel,
  caseNumber,
  isOverdue,
  passesScope,
  type CaseEvent,
  type CaseKernel,
  type CaseListener,
  type CaseNotice,
  type ActionBody,
  type EffectResult,
  type CaseRecord,
  type CaseType,
  type CaseTypeDef,
  type CaseView,
  type EffectContext,
  type OpenInput,
  type ScopeRule,
  type Side,
  type Transition,
} from './kernel.ts';
export type { CaseStepRow } from './cases.repo.ts';
export { scopePaths as caseScopePaths } from './cases.repo.ts';
export {
  addWorkingDays,
  addCalendarDays,
  isWorkingDay,
  slaClock,
  workingDaysBetween,
  EMPTY_CALENDAR,
  type WorkCalendar,
  type CalendarDayKind,
} from './calendar.ts';
export { loadCalendar } from './calendar.repo.ts';
export { createCalendarService, type CalendarService } from './calendar.service.ts';
export { registerCaseRoutes } from './cases.routes.ts';
export { registerCaseFileRoutes } from './case-files.routes.ts';
export { CASE_OWNER, type CaseAttachmentRules } from './attachments.ts';
export type { CaseFiles, CaseFilesView } from './case-files.ts';
export { presentCaseSteps, type PresentedStep } from './steps.presenter.ts';
export { memberActorLabel, type MemberActor, type MemberCtx } from './member-actor.ts';
export type { MemberCaseView, MemberCases } from './member-cases.ts';
