// Turns validated input into a stored row: derives gender and birth year, indexes and masks (identityFields), then
// encrypts bound to the member's row id (cipherFields), so the id is allocated before anything is encrypted.
import { maskIdNumber, maskPhone, normalizePhone, parseIdNumber } from '@gonghui/common';
import type { CipherColumn, FieldCrypto } from '../../platform/crypto/index.ts';
import { invalid } from '../../platform/http/index.ts';
import { nameGrams, namePinyin } from './members.names.ts';
import type { MemberInsert } from './members.repo.ts';

export const cardNoOf = (id: number) => `GH${String(id).padStart(10, '0')}`;
export const idHashOf = (crypto: FieldCrypto, idNumber: string) => crypto.blindIndex('id', idNumber);

/** Every encrypted member column, for the key rotation and the start-up self-test. */
export const MEMBER_CIPHER_COLUMNS: CipherColumn[] = [
  { table: 'members', column: 'id_cipher', key: ['id'] },
  { table: 'members', column: 'phone_cipher', key: ['id'] },
];
export const memberBinding = (memberId: number, column: 'id_cipher' | 'phone_cipher') => ({ table: 'members', column, id: memberId });

export interface PersonInput {
  name: string;
  idNumber: string;
  phone?: string | null;
  gender?: 'male' | 'female';
}

/** The clear values cipherFields encrypts once the member's id is known. */
export interface PersonSecret {
  idNumber: string;
  phone: string | null;
}

/** Validated, indexed and masked fields of a person; nothing here reveals more than the ID's first 3 and last 4. */
export function identityFields(crypto: FieldCrypto, p: PersonInput) {
  const parsed = parseIdNumber(p.idNumber);
  if (!parsed.ok) throw invalid('idNumber', parsed.message);
  if (p.gender && p.gender !== parsed.gender)
    throw invalid('gender', `与身份证号不符（身份证号显示为${parsed.gender === 'male' ? '男' : '女'}）`);
  const phone = p.phone ? normalizePhone(p.phone) : null;
  const secret: PersonSecret = { idNumber: parsed.idNumber, phone };
  return {
    notice: parsed.notice,
    secret,
    fields: {
      name: p.name,
      ...namePinyin(p.name),
      nameGrams: nameGrams(p.name),
      idHash: idHashOf(crypto, parsed.idNumber),
      idMasked: maskIdNumber(parsed.idNumber),
      gender: parsed.gender,
      birthYear: Number(parsed.birthDate.slice(0, 4)),
      phoneHash: phone ? crypto.blindIndex('phone', phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
    } satisfies Partial<MemberInsert>,
  };
}

/** The ciphertexts of member `memberId`, bound to its row. */
export function cipherFields(crypto: FieldCrypto, memberId: number, s: PersonSecret) {
  return {
    idCipher: crypto.encrypt(s.idNumber, memberBinding(memberId, 'id_cipher')),
    phoneCipher: phoneCipherOf(crypto, memberId, s.phone),
  };
}

export const phoneCipherOf = (crypto: FieldCrypto, memberId: number, phone: string | null) =>
  phone ? crypto.encrypt(phone, memberBinding(memberId, 'phone_cipher')) : null;

export function phoneFields(crypto: FieldCrypto, memberId: number, phone: string | null | undefined) {
  if (!phone) return { phoneCipher: null, phoneHash: null, phoneMasked: null };
  const p = normalizePhone(phone);
  return { phoneCipher: phoneCipherOf(crypto, memberId, p), phoneHash: crypto.blindIndex('phone', p), phoneMasked: maskPhone(p) };
}

export function nameFields(name: string) {
  return { name, ...namePinyin(name), nameGrams: nameGrams(name) };
}
