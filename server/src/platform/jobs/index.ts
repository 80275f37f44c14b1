// The one job service (see service.ts and docs/ARCHITECTURE.md, "Jobs").
export {
  createJobService,
  JobFailure,
  JobInterrupted,
  JobPayloadError,
  type EnqueueOptions,
  type JobContext,
  type JobKindDef,
  type JobKindRef,
  type JobLog,
  type JobService,
} from './service.ts';
export * as jobRepo from './jobs.repo.ts';
export type { JobRow } from './jobs.repo.ts';
export { cooperative } from './yield.ts';
