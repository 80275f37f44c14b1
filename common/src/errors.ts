// One error catalogue, assembled from the modules' declarations: stable codes, HTTP status and the Chinese message
// a user sees.
import { ERRORS, type ErrorCode } from './modules/assemble.ts';

export { ERRORS, type ErrorCode };

export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
}

// Field names as a cadre reads them, used to name the field in validation messages.
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  displayName: '姓名',
  orgId: '所属组织',
  parentId: '上级组织',
  newParentId: '新上级组织',
  name: '名称',
  newName: '新名称',
  level: '组织层级',
  newLevel: '新层级',
  kind: '组织类型',
  uscc: '统一社会信用代码',
  divisionCode: '行政区划代码',
  foundedAt: '建会日期',
  chairName: '工会主席',
  contactName: '联系人',
  employerName: '所在单位',
  headcount: '职工人数',
  address: '地址',
  date: '日期',
  type: '变更类型',
  note: '备注',
  payeeName: '收款人',
  payeeMemberId: '收款会员',
  amountFen: '金额',
  fundSource: '资金来源',
  caseType: '案件类型',
  caseId: '案件编号',
  idempotencyKey: '幂等键',
  reason: '原因',
  opinion: '审批意见',
  roles: '角色',
  permissions: '权限',
  key: '标识',
  disabled: '停用',
  page: '页码',
  pageSize: '每页条数',
  q: '搜索词',
  from: '开始日期',
  to: '结束日期',
  actor: '操作人',
  action: '操作',
  termYears: '任期（年）',
  idNumber: '身份证号',
  phone: '手机号',
  joinedAt: '入会日期',
  categories: '人员类别',
  gender: '性别',
  toOrgId: '转入工会',
  status: '状态',
  file: '文件',
  code: '验证码',
  mfaPolicy: '二次验证策略',
  cardNo: '会员卡号',
  version: '版本号',
  days: '日期列表',
  year: '年份',
};
