// Public surface of 信息更正 (data-corrections): members' requests to correct their registry record (PIPL), a case
// type on the kernel owned by the member's union. It owns no table (the request lives on the case).
import { dataCorrectionsCatalogue } from '@gonghui/common';
import { defineModule } from '../../platform/contract/index.ts';
import { memberApplicant } from '../members/index.ts';
import { registerDataCorrectionRoutes } from './data-corrections.routes.ts';
import { createDataCorrectionService, type DataCorrectionService } from './data-corrections.service.ts';
import { dataCorrectionScopePaths, registerDataCorrectionCaseType } from './data-corrections.workflow.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    'data-corrections': DataCorrectionService;
  }
}

export const dataCorrectionsModule = defineModule({
  name: 'data-corrections',
  catalogue: dataCorrectionsCatalogue,
  tables: [],
  scopes: { data_correction: { label: '信息更正申请', resolve: dataCorrectionScopePaths } },
  register({ app, db, settings, cases }) {
    const service = createDataCorrectionService({
      db,
      crypto: settings.crypto,
      cases: registerDataCorrectionCaseType(cases),
      applicant: (memberId) => memberApplicant(db, settings.crypto, memberId),
    });
    registerDataCorrectionRoutes(app, service);
    return service;
  },
});
export type { DataCorrectionService } from './data-corrections.service.ts';
