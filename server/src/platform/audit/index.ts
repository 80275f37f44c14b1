export { recordAudit, verifyAuditChain, originOf, canonicalJson, type AuditEntry, type AuditOrigin } from './audit.ts';
export { listAudit, type AuditFilter, type AuditRow } from './audit.repo.ts';
