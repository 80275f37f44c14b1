// Members leave the server masked: the allow-list has no clear ID number, phone or full birth date (with it,
// digits 7–14 of the masked ID are known and the number can be rebuilt); the birth year is enough for age.
import type { MemberCategory, MemberStatus, TMember } from '@gonghui/common';
import type { MemberListRow } from './members.repo.ts';

export function presentMember(m: MemberListRow): TMember {
  return {
    id: m.id,
    orgId: m.orgId,
    orgName: m.orgName,
    name: m.name,
    idNumberMasked: m.idMasked,
    phoneMasked: m.phoneMasked,
    gender: m.gender as 'male' | 'female',
    birthYear: m.birthYear,
    joinedAt: m.joinedAt,
    status: m.status as MemberStatus,
    statusSince: m.statusSince,
    categories: m.categories as MemberCategory[],
    cardNo: m.cardNo,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
