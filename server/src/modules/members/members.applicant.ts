// A member as the applicant of a case they bring themselves in the member portal (我的申请): who they are and which
// union they belong to, read from the registry as the system (the portal has already established that the caller
// is this member), so the applicant is never re-typed. The ID number and phone are decrypted here for the case's own
// encrypted columns; they never leave the server through this.
import { CipherError, type FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type DbOrTx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/index.ts';
import { memberBinding } from './members.record.ts';
import * as repo from './members.repo.ts';

export interface MemberApplicant {
  id: number;
  orgId: number;
  orgPath: string;
  orgName: string;
  name: string;
  idNumber: string;
  idHash: string;
  phone: string | null;
  status: string;
}

/** The member's registry record with their ID number and phone in clear; 404 when there is no such member. */
export async function memberApplicant(db: DbOrTx, crypto: FieldCrypto, memberId: number): Promise<MemberApplicant> {
  const m = await asSystem(() => repo.findById(db, memberId));
  if (!m) throw notFound('会员');
  try {
    const idNumber = await crypto.open(m.idCipher, memberBinding(m.id, 'id_cipher'));
    const phone = m.phoneCipher ? await crypto.open(m.phoneCipher, memberBinding(m.id, 'phone_cipher')) : null;
    return {
      id: m.id,
      orgId: m.orgId,
      orgPath: m.orgPath,
      orgName: m.orgName,
      name: m.name,
      idNumber,
      idHash: m.idHash,
      phone,
      status: m.status,
    };
  } catch (e) {
    if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
    throw e;
  }
}
