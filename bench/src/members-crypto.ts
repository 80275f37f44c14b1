// The bench's field-encryption key: fixed, so blind indexes match between the generator and the queries.
import { configureAuditChain } from '../../server/src/platform/audit/index.ts';
import { createFieldCrypto } from '../../server/src/platform/crypto/index.ts';

export const benchCrypto = createFieldCrypto(Buffer.alloc(32, 1));
// Audit rows (bootstrap, imports) are chained under a key from the same master key.
configureAuditChain(benchCrypto);
