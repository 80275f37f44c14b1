// The audit log reads like the console shows it: the action in Chinese, the object by name, details as labelled
// fields with formatted values, and a filter that takes every catalogued action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@gonghui/common';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, loginRoot, type Client, type Loose } from '../../test/http.ts';
import { PASSWORD, makeOrg, makeUser, newIdNumber, uniq } from '../../test/factories.ts';
import { recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import { asSystem } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('readable audit log on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let auditor: Client;
  const trail = async (q: string): Promise<Loose[]> => {
    const res = await auditor.get(`/api/v1/audit-events?${q}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const change = (item: Loose, field: string) => item.changes.find((c: { field: string }) => c.field === field);

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    auditor = await loginRoot(app, 'auditor');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('names an org and its fields: 新建组织 and 修改组织 with 工会主席 甲 → 乙', async () => {
    const name = uniq('恒达机械有限公司工会');
    const created = await admin.post('/api/v1/orgs', {
      parentId: t.rootOrgId,
      name,
      level: 'grassroots',
      kind: 'enterprise_private',
      foundedAt: '2026-03-15',
      chairName: '甲',
      headcount: 320,
    });
    expect(created.status).toBe(201);
    expect((await admin.patch(`/api/v1/orgs/${created.body.id}`, { chairName: '乙' })).status).toBe(200);

    const [create] = await trail(`action=org.create&entityId=${created.body.id}`);
    expect(create).toMatchObject({ actionLabel: '新建组织', objectLabel: name });
    expect(change(create, 'chairName')).toEqual({ field: 'chairName', label: '工会主席', before: null, after: '甲' });
    expect(change(create, 'kind')).toMatchObject({ label: '组织类型', after: '非公企业工会' });
    expect(change(create, 'level')).toMatchObject({ label: '组织层级', after: '基层工会' });
    expect(change(create, 'foundedAt')).toMatchObject({ label: '建会日期', after: '2026-03-15' });
    expect(change(create, 'parentId')?.after).toBe((await admin.get(`/api/v1/orgs/${t.rootOrgId}`)).body.name);
    // Technical columns of the row (path, pinyin, search grams) are not details a reader needs.
    expect(create.changes.map((c: { field: string }) => c.field)).not.toEqual(expect.arrayContaining(['path']));
    expect(change(create, 'pinyin')).toBeUndefined();

    const [update] = await trail(`action=org.update&entityId=${created.body.id}`);
    expect(update).toMatchObject({ actionLabel: '修改组织', objectLabel: name });
    expect(update.changes).toEqual([{ field: 'chairName', label: '工会主席', before: '甲', after: '乙' }]);
  });

  it('names a member as the roster shows it and keeps the ID and phone masked in the changes', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    const id = newIdNumber('19851120', true);
    const res = await admin.post('/api/v1/members', {
      orgId: org.id,
      name: '王秀兰',
      idNumber: id,
      phone: '13800138000',
      joinedAt: '2024-06-20',
      categories: ['migrant'],
    });
    expect(res.status).toBe(201);
    const [row] = await trail(`action=member.create&entityId=${res.body.id}`);
    expect(row).toMatchObject({ actionLabel: '新增会员', objectLabel: '王秀兰', entityType: 'member' });
    expect(change(row, 'name')).toMatchObject({ label: '姓名', after: '王秀兰' });
    expect(change(row, 'orgId')).toMatchObject({ label: '所属组织', after: org.name });
    expect(change(row, 'categories')).toMatchObject({ label: '人员类别', after: '农民工' });
    expect(change(row, 'status')).toMatchObject({ after: '在籍' });
    expect(change(row, 'joinedAt')).toMatchObject({ label: '入会日期', after: '2024-06-20' });
    expect(change(row, 'idNumber')?.after).toBe(`${id.slice(0, 3)}***********${id.slice(-4)}`);
    expect(change(row, 'phone')?.after).toBe('138****8000');
    const shown = JSON.stringify(row);
    expect(shown).not.toContain(id.slice(3, 14));
    expect(shown).not.toContain('13800138000');
  });

  it('names the user of a login and labels every kind of row on a page', async () => {
    await loginRoot(app, 'auditor');
    const [login] = await trail('action=auth.login&actor=auditor');
    expect(login).toMatchObject({ actionLabel: '登录成功', entityType: 'user', objectLabel: 'auditor' });
    const page = await trail('pageSize=100');
    for (const item of page) {
      expect(item.actionLabel).not.toBe(item.action);
      if (item.entityType) expect(item.objectLabel).toBeTruthy();
      expect(Array.isArray(item.changes)).toBe(true);
      for (const c of item.changes) expect(c.label).toBeTruthy();
    }
  });

  const record = (e: AuditEntry) =>
    asSystem(() => t.db.transaction((tx) => recordAudit(tx, { actorId: null, actorName: 'test', ip: null, requestId: null }, e)));

  it('falls back to the type and id for an object that no longer exists', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    const at = { orgId: org.id, orgPath: org.path, entityId: 2_000_000_001 };
    await record({
      ...at,
      action: 'member.leave',
      entityType: 'member',
      before: { status: 'active' },
      after: { status: 'left', date: '2026-01-05', reason: null },
    });
    await record({ ...at, action: 'report.update', entityType: 'work_summary' });
    await record({ ...at, action: 'export_request.download', entityType: 'export_request' });
    await record({ ...at, action: 'member.import', entityType: 'member_import' });
    const [row] = await trail('action=member.leave&entityId=2000000001');
    expect(row).toMatchObject({ actionLabel: '会员退会/保留会籍', objectLabel: '会员 #2000000001' });
    expect(row.changes).toEqual([
      { field: 'status', label: '状态', before: '在籍', after: '退会' },
      { field: 'date', label: '日期', before: null, after: '2026-01-05' },
    ]);
    const others = await trail('entityId=2000000001');
    expect(others.map((r) => r.objectLabel).sort()).toEqual(
      ['会员 #2000000001', '会员导入 #2000000001', '工作总结 #2000000001', '敏感数据导出申请 #2000000001'].sort(),
    );
  });

  it('names a target by its org, year and indicators', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    await record({
      action: 'target.set',
      orgId: org.id,
      orgPath: org.path,
      entityType: 'target',
      entityId: `${org.id}:2026`,
      before: {},
      after: { 'orgs.total': 12 },
    });
    const [row] = await trail(`action=target.set&entityId=${org.id}:2026`);
    expect(row).toMatchObject({ actionLabel: '设定目标任务', objectLabel: `${org.name} 2026年目标：工会组织总数` });
    expect(row.changes).toEqual([{ field: 'orgs.total', label: '工会组织总数', before: null, after: '12' }]);
  });

  it('names objects only within the reader’s subtree', async () => {
    const mine = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const other = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    await record({
      action: 'org.update',
      orgId: mine.id,
      orgPath: mine.path,
      entityType: 'org',
      entityId: mine.id,
      before: { parentId: other.id },
      after: { parentId: t.rootOrgId },
    });
    const local = await loginAs(app, (await makeUser(t.db, mine.id, ['auditor'])).username, PASSWORD);
    const [row] = (await local.get(`/api/v1/audit-events?action=org.update&entityId=${mine.id}`)).body.items;
    expect(row.objectLabel).toBe(mine.name);
    expect(change(row, 'parentId')).toMatchObject({ before: String(other.id), after: String(t.rootOrgId) });
    const [seenFromRoot] = await trail(`action=org.update&entityId=${mine.id}`);
    expect(change(seenFromRoot, 'parentId')?.before).toBe(other.name);
  });

  it('filters by every catalogued action and refuses an unknown one', async () => {
    const answers = await Promise.all(AUDIT_ACTIONS.map((a) => auditor.get(`/api/v1/audit-events?action=${a}&pageSize=1`)));
    expect(answers.map((r) => r.status)).toEqual(AUDIT_ACTIONS.map(() => 200));
    const bad = await auditor.get('/api/v1/audit-events?action=no.such_action');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('action');
  });
});
