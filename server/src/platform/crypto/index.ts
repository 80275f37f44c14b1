export { createFieldCrypto, keyOf, CipherError, type CipherBinding, type FieldCrypto } from './crypto.ts';
export { loadMasterKey, resolveMasterKey, MasterKeyError, type MasterKeySource } from './master-key.ts';
export { createLocalKeyProvider, type KeyProvider } from './key-provider.ts';
export { initKeys, loadDataKeys, KeyCheckError } from './keys.ts';
export { rotateKeys, type RotateOptions, type RotateResult } from './rotate.ts';
export type { CipherColumn } from './keys.repo.ts';
