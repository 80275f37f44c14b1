// Chinese UI text of 敏感数据导出申请 (unmasked exports approved by a second cadre) and of the built-in roles.
import { EXPORT_REQUEST_STATUS_LABELS } from '@gonghui/common';

export const exportRequestZhCN = {
  exportRequest: {
    ask: '申请导出完整信息',
    askTitle: '申请导出完整身份证号和手机号',
    askWarn:
      '不脱敏导出须经另一名有审批权限的干部批准；批准后仅申请人可下载一次，文件带有申请人、时间和申请编号水印。申请、审批和下载均记入审计日志。',
    submit: '提交申请',
    submitted: '已提交申请 {{number}}（{{rows}} 人），待审批',
    reasonRequired: '请说明导出用途',
    hint: '敏感数据导出申请：申请人不能审批自己的申请；批准后申请人可下载一次，再次导出须重新申请。',
    number: '申请编号',
    org: '导出范围',
    requester: '申请人',
    reason: '用途',
    rows: '人数',
    status: '状态',
    approver: '审批人（意见）',
    createdAt: '申请时间',
    opinion: '审批意见',
    opinionRequired: '驳回时请填写审批意见',
    approve: '批准',
    reject: '驳回',
    approveTitle: '批准导出申请 {{number}}',
    rejectTitle: '驳回导出申请 {{number}}',
    decideSummary: '{{requester}} 申请导出「{{org}}」{{rows}} 名会员的完整身份证号和手机号。',
    approved: '已批准',
    rejected: '已驳回',
    download: '下载（仅一次）',
    downloaded: '文件已下载，请妥善保管',
    all: '全部',
    statuses: { ...EXPORT_REQUEST_STATUS_LABELS },
  },
  roleSeparation:
    '三员分立：系统管理员管理账号和组织，安全管理员管理角色和安全策略，安全审计员查看审计日志；任何角色或账号都不能同时拥有这三类权限。',
};
