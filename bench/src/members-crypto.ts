// The bench's field-encryption key: fixed, so blind indexes match between the generator and the queries.
import { createFieldCrypto } from '../../server/src/platform/crypto/index.ts';

export const benchCrypto = createFieldCrypto(Buffer.alloc(32, 1));
