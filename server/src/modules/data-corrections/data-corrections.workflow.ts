// 信息更正 as a case type of the kernel: the member's union owns the request and answers it within 15 working days
// (PIPL asks for prompt handling). Its cadres who may edit members correct the record with the ordinary member edit,
// then resolve the request with an opinion, or reject it with the reason; the member withdraws it while pending.
import { z } from 'zod';
import {
  DATA_CORRECTION_FIELDS,
  DATA_CORRECTION_STEP_LABELS,
  LIMITS,
  zMultilineText,
  type DataCorrectionAction,
  type DataCorrectionStatus,
} from '@gonghui/common';
import { caseScopePaths, type CaseKernel, type CaseType } from '../../platform/cases/index.ts';
import type { ScopeResolve } from '../../platform/authz/index.ts';

export const DATA_CORRECTION_CASE_TYPE = 'data_correction';

export const dataCorrectionScopePaths: ScopeResolve = (db, id) => caseScopePaths(db, DATA_CORRECTION_CASE_TYPE, id);

/** What the case carries: whose record, which field, the proposed value (encrypted for ID number and phone). */
export const ZDataCorrectionPayload = z.object({
  memberId: z.number().int(),
  field: z.enum(DATA_CORRECTION_FIELDS),
  correct: z.string().optional(),
  correctCipher: z.string().optional(),
  note: z.string().optional(),
});
export type DataCorrectionPayload = z.infer<typeof ZDataCorrectionPayload>;
export type DataCorrectionCaseType = CaseType<DataCorrectionStatus, DataCorrectionAction | 'withdraw', DataCorrectionPayload>;

const ZOpinion = (label: string) =>
  z.object({
    opinion: z
      .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}无效`) })
      .pipe(zMultilineText(LIMITS.text).min(1, `请填写${label}`)),
  });

export function registerDataCorrectionCaseType(kernel: CaseKernel): DataCorrectionCaseType {
  return kernel.register<DataCorrectionStatus, DataCorrectionAction | 'withdraw', DataCorrectionPayload>({
    type: DATA_CORRECTION_CASE_TYPE,
    prefix: 'GZ',
    label: '信息更正申请',
    link: () => '/data-corrections',
    stepLabels: DATA_CORRECTION_STEP_LABELS,
    payload: ZDataCorrectionPayload,
    initial: 'pending',
    open: ['pending'],
    awaiting: { pending: 'owner' },
    readPermission: 'member:update',
    openExistsMessage: '该信息更正申请已在办理中',
    audit: { open: 'data_correction.create', entity: (c) => ({ entityType: 'data_correction', entityId: c.id }) },
    transitions: {
      resolve: {
        from: ['pending'],
        to: 'resolved',
        permission: 'member:update',
        scope: { side: 'owner' },
        input: ZOpinion('处理意见'),
        audit: 'data_correction.resolve',
      },
      reject: {
        from: ['pending'],
        to: 'rejected',
        permission: 'member:update',
        scope: { side: 'owner' },
        input: ZOpinion('不予更正的理由'),
        audit: 'data_correction.reject',
      },
      withdraw: {
        from: ['pending'],
        to: 'withdrawn',
        permission: null,
        member: true,
        scope: { side: 'owner' },
        audit: 'data_correction.withdraw',
      },
    },
  });
}
