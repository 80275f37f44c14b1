// The real-name member registry: members, 会员接转, e-cards and sensitive exports.
import { defineCatalogue } from './define.ts';

export const membersCatalogue = defineCatalogue({
  key: 'members',
  label: '会员',
  permissions: {
    'member:read': '查看会员',
    'member:create': '新增会员',
    'member:update': '编辑会员',
    'member:export': '导出会员',
    'member:view_sensitive': '查看完整身份证号和手机号',
    'export:approve': '审批敏感信息（不脱敏）导出',
  },
  audit: {
    member: {
      label: '会员',
      actions: {
        'member.create': '新增会员',
        'member.rejoin': '退会后重新入会',
        'member.update': '修改会员',
        'member.reveal': '查看完整个人信息',
        'member.reveal_refused': '查看完整个人信息失败（无法解密）',
        'member.leave': '会员退会/保留会籍',
        'member.transfer_request': '发起会员接转',
        'member.transfer_accept': '接收会员接转',
        'member.transfer_reject': '拒收会员接转',
        'member.transfer_withdraw': '撤回会员接转',
        'member.transfer_expire': '会员接转逾期失效',
        'member.export': '导出会员',
      },
    },
    export_request: {
      label: '敏感数据导出',
      actions: {
        'export_request.create': '申请敏感数据导出',
        'export_request.approve': '批准敏感数据导出',
        'export_request.reject': '驳回敏感数据导出',
        'export_request.download': '下载敏感数据导出文件',
      },
    },
  },
  entities: { member: '会员', export_request: '敏感数据导出申请' },
});
