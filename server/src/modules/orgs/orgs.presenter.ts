// Field allow-list for organisations and their events: nothing leaves the server that is not named here.
import type { OrgKind, OrgLevel, OrgStatus, OrgEventType, TOrg, TOrgEvent, TOrgSearchHit } from '@gonghui/common';
import type { OrgEventRow, OrgRow } from './orgs.repo.ts';

export function presentOrg(r: OrgRow & { childCount?: number }): TOrg {
  return {
    id: r.id,
    parentId: r.parentId,
    name: r.name,
    pinyin: r.pinyin,
    pinyinInitials: r.pinyinInitials,
    level: r.level as OrgLevel,
    kind: r.kind as OrgKind,
    status: r.status as OrgStatus,
    path: r.path,
    depth: r.depth,
    childCount: r.childCount ?? 0,
    uscc: r.uscc,
    divisionCode: r.divisionCode,
    foundedAt: r.foundedAt,
    dissolvedAt: r.dissolvedAt,
    chairName: r.chairName,
    contactName: r.contactName,
    employerName: r.employerName,
    headcount: r.headcount,
    address: r.address,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A search hit: the org and its parent's name (null for the root). */
export function presentOrgHit(r: OrgRow & { childCount?: number; parentName: string | null }): TOrgSearchHit {
  return { ...presentOrg(r), parentName: r.parentName };
}

export function presentOrgEvent(r: OrgEventRow & { createdByName?: string | null }): TOrgEvent {
  return {
    id: r.id,
    orgId: r.orgId,
    type: r.type as OrgEventType,
    date: r.date,
    data: r.data,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdByName ?? null,
  };
}
