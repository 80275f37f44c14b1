// 信息更正 (data-corrections): a member's request to correct their registry record (PIPL), handled by their union's
// cadres who may edit members (member:update).
import { defineCatalogue } from './define.ts';

export const dataCorrectionsCatalogue = defineCatalogue({
  key: 'data-corrections',
  label: '信息更正',
  audit: {
    data_correction: {
      label: '信息更正申请',
      actions: {
        'data_correction.create': '提交信息更正申请',
        'data_correction.resolve': '办结信息更正申请（已更正）',
        'data_correction.reject': '不予更正',
        'data_correction.withdraw': '职工撤回信息更正申请',
        'data_correction.reveal': '查看信息更正申请的完整信息',
      },
    },
  },
  entities: { data_correction: '信息更正申请' },
});
