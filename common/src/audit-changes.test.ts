import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-changes.ts';

const ctx = (action: string, entityType: string | null = null) => ({
  action,
  entityType,
  orgName: (id: number) => (id === 7 ? '某区总工会' : undefined),
});

describe('auditChanges', () => {
  it('labels fields and formats booleans, enums, dates and org ids', () => {
    expect(
      auditChanges(
        { disabled: false, roles: ['viewer'], orgId: 7 },
        { disabled: true, roles: ['org_admin', 'custom_role'], orgId: 7, passwordReset: false, at: '2026-03-01T18:30:00.000Z' },
        ctx('user.update', 'user'),
      ),
    ).toEqual([
      { field: 'disabled', label: '停用', before: '否', after: '是' },
      { field: 'roles', label: '角色', before: '只读查看', after: '工会管理员、custom_role' },
      { field: 'passwordReset', label: '重置密码', before: null, after: '否' },
      // an instant shows as its Beijing calendar day
      { field: 'at', label: 'at', before: null, after: '2026-03-02' },
    ]);
  });

  it('reads status by the kind of object and {from, to} by the action', () => {
    expect(auditChanges({ status: 'pending' }, { status: 'approved' }, ctx('export_request.approve', 'export_request'))[0]).toMatchObject({
      label: '状态',
      before: '待审批',
      after: '已批准，待下载',
    });
    expect(auditChanges({ level: 'street' }, { from: 'street', to: 'district', date: '2026-01-01' }, ctx('org.upgrade', 'org'))).toEqual([
      { field: 'level', label: '组织层级', before: '乡镇/街道总工会', after: null },
      { field: 'from', label: '原层级', before: null, after: '乡镇/街道总工会' },
      { field: 'to', label: '新层级', before: null, after: '县/区总工会' },
      { field: 'date', label: '日期', before: null, after: '2026-01-01' },
    ]);
  });

  it('never shows ciphertext, hashes or an unmasked ID or phone number', () => {
    const shown = JSON.stringify(
      auditChanges(
        null,
        { idNumber: '110105199003070512', phone: '13800138000', idCipher: 'v2:1:abc', idHash: 'ff', note: 'v2:3:Zm9v' },
        ctx('member.create', 'member'),
      ),
    );
    expect(shown).not.toContain('199003070');
    expect(shown).not.toContain('0013800');
    expect(shown).not.toContain('Zm9v');
    expect(shown).not.toContain('idHash');
    expect(shown).toContain('110***********0512');
  });

  it('shows nested details as labelled pairs', () => {
    expect(auditChanges(null, { filter: { status: 'active', idNumber: '***', q: '王' }, rows: 3 }, ctx('member.export', 'member'))).toEqual(
      [
        { field: 'filter', label: '筛选条件', before: null, after: '状态：在籍；身份证号：***；搜索词：王' },
        { field: 'rows', label: '行数', before: null, after: '3' },
      ],
    );
  });
});
