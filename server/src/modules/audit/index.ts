// Public surface of the audit module: the readable audit log (the chain itself is the platform's).
import { auditCatalogue } from '@gonghui/common';
import { defineModule } from '../../platform/contract/index.ts';
import { registerAuditRoutes } from './audit.routes.ts';

export const auditModule = defineModule({
  name: 'audit',
  catalogue: auditCatalogue,
  tables: [],
  register({ app, db, indicators }) {
    const indicatorLabels = Object.fromEntries(indicators.flatMap((p) => p.indicators.map((i) => [i.key, i.label])));
    registerAuditRoutes(app, db, { indicatorLabels });
  },
});
