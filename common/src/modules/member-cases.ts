// 我的申请: members apply for hardship help, 医疗互助 claims, legal aid and appeals in the member portal. The cases
// are the owning modules' own (their permissions, audit actions and to-dos); this module only routes a member's
// application to them and shows the member their own cases.
import { defineCatalogue } from './define.ts';

export const memberCasesCatalogue = defineCatalogue({
  key: 'member-cases',
  label: '我的申请',
});
