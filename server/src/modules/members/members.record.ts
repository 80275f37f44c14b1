// Turns validated input into a stored row: derives gender and birth date, encrypts, indexes and masks.
import { maskIdNumber, maskPhone, normalizePhone, parseIdNumber } from '@gonghui/common';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { invalid } from '../../platform/http/index.ts';
import { nameGrams, namePinyin } from './members.names.ts';
import type { MemberInsert } from './members.repo.ts';

export const cardNoOf = (id: number) => `GH${String(id).padStart(10, '0')}`;
export const idHashOf = (crypto: FieldCrypto, idNumber: string) => crypto.blindIndex('id', idNumber);

export interface PersonInput {
  name: string;
  idNumber: string;
  phone?: string | null;
  gender?: 'male' | 'female';
}

export function identityFields(crypto: FieldCrypto, p: PersonInput) {
  const parsed = parseIdNumber(p.idNumber);
  if (!parsed.ok) throw invalid('idNumber', parsed.message);
  if (p.gender && p.gender !== parsed.gender) throw invalid('gender', `与身份证号不符（身份证号显示为${parsed.gender === 'male' ? '男' : '女'}）`);
  return {
    notice: parsed.notice,
    fields: {
      name: p.name,
      ...namePinyin(p.name),
      nameGrams: nameGrams(p.name),
      idCipher: crypto.encrypt(parsed.idNumber),
      idHash: idHashOf(crypto, parsed.idNumber),
      idMasked: maskIdNumber(parsed.idNumber),
      gender: parsed.gender,
      birthDate: parsed.birthDate,
      ...phoneFields(crypto, p.phone),
    } satisfies Partial<MemberInsert>,
  };
}

export function phoneFields(crypto: FieldCrypto, phone: string | null | undefined) {
  if (!phone) return { phoneCipher: null, phoneHash: null, phoneMasked: null };
  const p = normalizePhone(phone);
  return { phoneCipher: crypto.encrypt(p), phoneHash: crypto.blindIndex('phone', p), phoneMasked: maskPhone(p) };
}

export function nameFields(name: string) {
  return { name, ...namePinyin(name), nameGrams: nameGrams(name) };
}
