// What an assistance entry shows: the person's name, ID number and phone masked, amounts in 分 with the 元 text,
// the campaign, and (detail) the timeline and the actions the caller may take now.
import {
  ASSISTANCE_ACTIONS,
  formatYuan,
  type AssistanceAction,
  type AssistanceKind,
  type AssistanceStatus,
  type CampaignKind,
  type FundSource,
  type StudentStage,
  type TAssistanceDetail,
  type TAssistanceEntry,
} from '@gonghui/common';
import type { CaseStepRow } from '../../platform/cases/index.ts';
import { presentCaseSteps } from '../../platform/cases/index.ts';
import type { EntryView } from './assistance.repo.ts';

export function presentEntry(v: EntryView): TAssistanceEntry {
  const e = v.e;
  const hasStudent = e.studentName !== null || e.school !== null || e.stage !== null || e.admissionYear !== null;
  return {
    id: e.id,
    number: v.number,
    status: e.status as AssistanceStatus,
    version: v.version,
    orgId: e.orgId,
    orgName: v.orgName,
    name: e.name,
    idNumberMasked: e.idMasked,
    phoneMasked: e.phoneMasked,
    hardshipFileId: e.hardshipFileId,
    campaign: v.campaign ? { id: v.campaign.id, name: v.campaign.name, kind: v.campaign.kind as CampaignKind } : null,
    kind: e.kind as AssistanceKind,
    amount: e.amountFen,
    amountText: formatYuan(e.amountFen),
    goodsValue: e.goodsFen,
    fundSource: e.fundSource as FundSource,
    date: e.date,
    paidAt: e.paidAt,
    ledgerEntryId: e.ledgerEntryId,
    student: hasStudent
      ? { name: e.studentName, school: e.school, stage: e.stage as StudentStage | null, admissionYear: e.admissionYear }
      : null,
    visitingLeader: e.visitingLeader,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
  };
}

const isAction = (a: string): a is AssistanceAction => (ASSISTANCE_ACTIONS as readonly string[]).includes(a);

export function presentEntryDetail(v: EntryView & { steps: CaseStepRow[]; allowedActions: string[] }): TAssistanceDetail {
  return {
    ...presentEntry(v),
    steps: presentCaseSteps(v.steps),
    allowedActions: v.allowedActions.filter(isAction),
  };
}
