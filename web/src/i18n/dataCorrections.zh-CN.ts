// Chinese UI text of 信息更正 (members' correction requests). Enum labels come from @gonghui/common.
import { DATA_CORRECTION_FIELD_LABELS, DATA_CORRECTION_STATUS_LABELS } from '@gonghui/common';

export const dataCorrectionsZhCN = {
  dataCorrections: {
    menu: '信息更正',
    title: '信息更正申请',
    number: '申请编号',
    status: '状态',
    field: '更正项目',
    correct: '正确信息',
    note: '说明',
    dueAt: '办理期限',
    createdAt: '提交时间',
    overdue: '已逾期',
    handle: '处理',
    hint: '请先在「会员」中按申请修改会员档案，再点「已更正」办结；不予更正的须写明理由。',
    opinion: '处理意见',
    opinionRequired: '请填写处理意见',
    resolve: '已更正',
    reject: '不予更正',
    done: '已处理',
    statuses: { ...DATA_CORRECTION_STATUS_LABELS },
    fields: { ...DATA_CORRECTION_FIELD_LABELS },
  },
};
