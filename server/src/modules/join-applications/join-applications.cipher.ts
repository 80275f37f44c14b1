// The applicant's encrypted columns: each value is bound to (join_applications, column, case_id), so a ciphertext
// copied onto another row does not open.
import type { CipherColumn, FieldCrypto } from '../../platform/crypto/index.ts';
import { CipherError } from '../../platform/crypto/index.ts';
import { AppError } from '../../platform/http/index.ts';
import type { JoinRow } from './join-applications.repo.ts';

/** Every encrypted column of an application, for the key rotation and the start-up self-test. */
export const JOIN_CIPHER_COLUMNS: CipherColumn[] = [
  { table: 'join_applications', column: 'name_cipher', key: ['case_id'] },
  { table: 'join_applications', column: 'id_cipher', key: ['case_id'] },
  { table: 'join_applications', column: 'phone_cipher', key: ['case_id'] },
];
export type JoinCipherColumn = 'name_cipher' | 'id_cipher' | 'phone_cipher';
export const binding = (caseId: number, column: JoinCipherColumn) => ({ table: 'join_applications', column, id: caseId });

/** The applicant in clear: approving registers them, texts go to their phone. */
export async function openApplicant(crypto: FieldCrypto, a: JoinRow): Promise<{ name: string; idNumber: string; phone: string }> {
  const open = async (stored: string, column: JoinCipherColumn) => {
    try {
      return await crypto.open(stored, binding(a.caseId, column));
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
  };
  return {
    name: await open(a.nameCipher, 'name_cipher'),
    idNumber: await open(a.idCipher, 'id_cipher'),
    phone: await open(a.phoneCipher, 'phone_cipher'),
  };
}
