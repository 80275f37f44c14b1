export { createFieldCrypto, loadMasterKey, type FieldCrypto } from './crypto.ts';
