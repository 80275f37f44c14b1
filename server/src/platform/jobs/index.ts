export { createJobRunner, JobFailure, JobInterrupted, type JobContext, type JobKind, type JobRunner, type RunnerLog } from './runner.ts';
export * as jobRepo from './jobs.repo.ts';
export type { JobRow } from './jobs.repo.ts';
