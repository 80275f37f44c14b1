// A roster written the way street and district rosters are really written (在职职工, 退休职工, 新就业形态劳动者,
// 劳务派遣人员, a 上级工会 column, 「街道／工会」 paths) imports fully through the real job and HTTP, with each row in the
// right one of two unions of the same name; the bare name of such a union is a row error naming both parents.
import { describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { newId, rosterXlsx, upload, waitForImport } from '../../test/imports.ts';
import { useTestApp } from '../../test/suite.ts';

const HEADER = ['序号', '姓名', '身份证号', '手机号', '入会日期', '人员类别', '上级工会', '所在工会', '退休日期'];

interface Listed {
  items: { id: number; orgId: number; categories: string[]; name: string; status: string; statusSince: string | null }[];
}

describe.each(engines())('a real roster on %s', (engine) => {
  let t: TestDb, app: HttpApp;
  useTestApp(engine, (s) => ({ t, app } = s));

  async function city(): Promise<{ cadre: Client; district: OrgRef; east: OrgRef; west: OrgRef; x1: OrgRef; x2: OrgRef; shop: OrgRef }> {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('上城区总工会') });
    const east = await makeOrg(t.db, district, { level: 'street', name: uniq('城东街道总工会') });
    const west = await makeOrg(t.db, district, { level: 'street', name: uniq('城西街道总工会') });
    const same = uniq('华信电子有限公司工会');
    const x1 = await makeOrg(t.db, east, { name: same });
    const x2 = await makeOrg(t.db, west, { name: same });
    const shop = await makeOrg(t.db, east, { name: uniq('东湖快递网点工会') });
    const cadre = await loginAs(app, (await makeUser(t.db, district.id)).username, PASSWORD);
    return { cadre, district, east, west, x1, x2, shop };
  }

  const member = async (c: Client, idNumber: string) => (await c.get<Listed>(`/api/v1/members?idNumber=${idNumber}`)).body.items;

  it('imports every row written in the real vocabulary, each into the right union of the same name', async () => {
    const { cadre, district, east, west, x1, x2, shop } = await city();
    const ids = [newId(), newId(), newId(), newId(), newId(), newId()] as const;
    const file = await rosterXlsx({
      titleRows: ['上城区2026年工会会员实名制信息采集表'],
      header: HEADER,
      rows: [
        [1, '王建国', ids[0], '13800001111', '2019-03-01', '在职职工', east.name, x1.name],
        [2, '李秀英', ids[1], '', '2008-07-15', '退休职工', '', `${west.name}／${x2.name}`],
        [3, '张伟', ids[2], '13900002222', '2024-11-20', '新就业形态劳动者', '', shop.name],
        [4, '刘洋', ids[3], '', '2025-02-10', '劳务派遣人员', west.name, x2.name],
        [5, '陈静', ids[4], '', '2025-06-01', '进城务工人员、派遣工', '', `${east.name}/${x1.name}`],
        [6, '赵建华', ids[5], '', '1998-05-01', '退休人员', '', shop.name, '2024-06-30'],
      ],
    });
    const started = await upload(app, cadre, district.id, file);
    expect(started.status).toBe(202);
    const done = await waitForImport(app, cadre, started.body.id);
    expect(done).toMatchObject({ status: 'succeeded', totalRows: 6, imported: 6, errorCount: 0 });
    // The retiree without a 退休日期 is imported as 在籍; the notice says where 保留会籍 is set. The one with a date needs none.
    expect(done.notices).toEqual([expect.objectContaining({ row: 4, message: expect.stringContaining('保留会籍') })]);

    const expected: [string, number, string[]][] = [
      [ids[0], x1.id, []],
      [ids[1], x2.id, []],
      [ids[2], shop.id, ['new_forms']],
      [ids[3], x2.id, ['dispatched']],
      [ids[4], x1.id, ['migrant', 'dispatched']],
      [ids[5], shop.id, []],
    ];
    for (const [idNumber, orgId, categories] of expected) {
      const [m] = await member(cadre, idNumber);
      expect({ orgId: m?.orgId, categories: [...(m?.categories ?? [])].sort() }).toEqual({ orgId, categories: [...categories].sort() });
    }
    const [notDated] = await member(cadre, ids[1]);
    expect(notDated).toMatchObject({ status: 'active' });
    // 赵建华 is on the books as 保留会籍 since his retirement, with both events in his history.
    const [retired] = await member(cadre, ids[5]);
    expect(retired).toMatchObject({ status: 'retained', statusSince: '2024-06-30' });
    const events = (await cadre.get<{ items: { type: string; date: string }[] }>(`/api/v1/members/${retired?.id}/events`)).body.items;
    expect(events.map((e) => [e.type, e.date]).sort()).toEqual([
      ['join', '1998-05-01'],
      ['retire_keep', '2024-06-30'],
    ]);
  });

  it('takes a 退休日期 only for a retiree, not before joining, and never changes a registered member by it', async () => {
    const { cadre, district, shop } = await city();
    const [worker, early, again] = [newId(), newId(), newId()];
    const first = await rosterXlsx({ header: HEADER, rows: [[1, '孙立', again, '', '2001-03-01', '在职职工', '', shop.name]] });
    expect(await waitForImport(app, cadre, (await upload(app, cadre, district.id, first)).body.id)).toMatchObject({ imported: 1 });
    const file = await rosterXlsx({
      header: HEADER,
      rows: [
        [1, '钱进', worker, '', '2010-01-01', '在职职工', '', shop.name, '2024-01-01'],
        [2, '郑和', early, '', '2010-01-01', '退休职工', '', shop.name, '2009-12-31'],
        [3, '孙立', again, '', '2001-03-01', '退休职工', '', shop.name, '2025-01-01'],
      ],
    });
    const done = await waitForImport(app, cadre, (await upload(app, cadre, district.id, file)).body.id);
    expect(done).toMatchObject({ status: 'succeeded', imported: 0, errorCount: 2 });
    expect(done.errors).toEqual([
      { row: 2, column: '退休日期', message: '退休日期：只对人员类别为“退休职工”的会员填写' },
      { row: 3, column: '退休日期', message: '退休日期：不能早于入会日期 2010-01-01' },
    ]);
    expect(done.notices).toEqual([
      expect.objectContaining({ row: 4, message: expect.stringContaining('该会员已在册，会籍状态未按本表修改') }),
    ]);
    expect((await member(cadre, again))[0]).toMatchObject({ status: 'active' });
  });

  it('refuses the bare name of two unions, naming both parents, and imports nothing of that row', async () => {
    const { cadre, district, east, west, x1 } = await city();
    const [bare, ok] = [newId(), newId()];
    const file = await rosterXlsx({
      header: HEADER,
      rows: [
        [1, '周敏', bare, '', '2020-01-01', '在职职工', '', x1.name],
        [2, '吴磊', ok, '', '2020-01-01', '在职职工', east.name, x1.name],
      ],
    });
    const started = await upload(app, cadre, district.id, file);
    const done = await waitForImport(app, cadre, started.body.id);
    expect(done).toMatchObject({ status: 'succeeded', imported: 1, errorCount: 1 });
    const [err] = done.errors;
    expect(err).toMatchObject({ row: 2, column: '所在工会' });
    expect(err?.message).toContain(`名为「${x1.name}」的工会不止一个`);
    expect(err?.message).toContain(east.name);
    expect(err?.message).toContain(west.name);
    expect(await member(cadre, bare)).toEqual([]);
    expect((await member(cadre, ok))[0]?.orgId).toBe(x1.id);
  });
});
