// Issue 2 journeys: log in, create an org and see it in the tree; scope of a district cadre; audit trail.
import { ADMIN_PASSWORD, DEMO_PASSWORD, shot, type Journey } from '../harness.ts';
import { login, newPage } from './common.ts';
import { expect } from './expect.ts';

const loginAndCreateOrg: Journey = {
  name: '管理员登录，新建基层工会并在组织树中看到它',
  async run({ app, browser }) {
    const page = await newPage(browser);
    await page.goto(`${app.baseUrl}/login`);
    await shot(page, 'platform-01-login');
    await page.fill('#login-username', 'admin');
    await page.fill('#login-password', 'Wrong#Pass2026');
    await page.click('#login-submit');
    const err = await page.waitForSelector('[data-testid="login-error"]');
    expect(await err.textContent(), 'wrong password message').toContain('用户名或密码错误');
    await login(page, app.baseUrl, 'admin', ADMIN_PASSWORD);
    await page.goto(`${app.baseUrl}/orgs`);
    await page.click('[data-testid="org-tree-node"]:has-text("城东区总工会")');
    await page.waitForSelector('[data-testid="org-detail-name"]:has-text("城东区总工会")');
    await page.click('#org-create-button');
    const name = `城东区e2e测试街道总工会${Date.now() % 10000}`;
    await page.fill('#org-name', name);
    await page.click('.ant-modal-footer button.ant-btn-primary');
    await page.waitForSelector(`[data-testid="org-tree-node"]:has-text("${name}")`);
    await shot(page, 'platform-02-org-created');

    // The new org is selected and named in the URL.
    await page.waitForSelector(`[data-testid="org-detail-name"]:has-text("${name}")`);
    await page.waitForURL(/orgId=\d+/);

    await page.fill('#org-search', 'cdq');
    const result = await page.waitForSelector('[data-testid="org-search-result"]');
    expect(await result.textContent(), 'pinyin initials search').toContain('城东区');
    expect(await result.textContent(), 'a hit names its parent').toContain('上级：示范市总工会');
    await result.click();
    await page.waitForSelector('[data-testid="org-detail-name"]:has-text("城东区总工会")');
    // Back returns to the org selected before the search.
    await page.goBack();
    await page.waitForSelector(`[data-testid="org-detail-name"]:has-text("${name}")`);
    await page.goForward();
    await page.waitForSelector('[data-testid="org-detail-name"]:has-text("城东区总工会")');

    // The detail's member count links to the roster of that org.
    await page.click('[data-testid="org-roster-link"]');
    await page.waitForURL(/\/members\?orgId=\d+/);
    await page.waitForSelector('[data-testid="member-scope-org"]:has-text("城东区总工会")');

    // On a phone the tree opens in a drawer above the detail, and a pick closes it.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.baseUrl}/orgs`);
    await page.click('[data-testid="browse-pick-org"]');
    await page.click('[data-testid="browse-drawer"] [data-testid="org-tree-node"]:has-text("城东区总工会")');
    await page.waitForSelector('[data-testid="org-detail-name"]:has-text("城东区总工会")');
    await page.waitForSelector('[data-testid="browse-drawer"]', { state: 'hidden' });
    expect(await page.textContent('[data-testid="browse-current-org"]'), 'the bar names the picked org').toContain('城东区总工会');
    await shot(page, 'platform-02b-org-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.close();
  },
};

const districtScope: Journey = {
  name: '区总工会干部只看到本区的组织树，看不到其他区',
  async run({ app, browser }) {
    const page = await newPage(browser);
    await login(page, app.baseUrl, 'district_admin', DEMO_PASSWORD);
    await page.goto(`${app.baseUrl}/orgs`);
    await page.waitForSelector('[data-testid="org-tree-node"]');
    const tree = (await page.textContent('[data-testid="org-tree"]')) ?? '';
    expect(tree, 'district tree').toContain('城东区总工会');
    expect(tree, 'district tree').notToContain('城西区总工会');
    const res = await page.evaluate(async () => (await fetch('/api/v1/orgs?q=%E5%9F%8E%E8%A5%BF')).json());
    expect((res as { total: number }).total, 'search for another district').toBe(0);
    await shot(page, 'platform-03-district-scope');
    await page.close();
  },
};

const auditTrail: Journey = {
  name: '审计员查看审计日志并校验审计链',
  async run({ app, browser }) {
    const page = await newPage(browser);
    await login(page, app.baseUrl, 'auditor', DEMO_PASSWORD);
    await page.goto(`${app.baseUrl}/audit`);
    await page.waitForSelector('.ant-table-row');
    const table = (await page.textContent('.ant-table')) ?? '';
    expect(table, 'audit log').toContain('登录成功');
    await page.click('[data-testid="audit-verify-button"]');
    const result = await page.waitForSelector('[data-testid="audit-verify-result"]');
    expect(await result.textContent(), 'chain verification').toContain('审计链完整');
    await shot(page, 'platform-04-audit');
    await page.close();
  },
};

export const platformJourneys: Journey[] = [loginAndCreateOrg, districtScope, auditTrail];
