export { recordAudit, recordAuditMany, originOf, canonicalJson, configureAuditChain, type AuditEntry, type AuditOrigin } from './audit.ts';
export { listAudit, type AuditFilter, type AuditRow } from './audit.repo.ts';
export { verifyAuditChain, type VerifyResult, type ChainBreak } from './verify.ts';
export { bindAuditSeals, openSealStore, auditSealPublicKey, type AuditSeal, type SealStore } from './seals.ts';
export { sealAuditChain, startAuditSealer, type AuditSealer } from './sealer.ts';
