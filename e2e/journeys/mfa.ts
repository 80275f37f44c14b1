// Issue 8 hardening 1: the administrator must enrol TOTP (forced by the default policy), scans the QR page, saves
// recovery codes, and from then on logs in with password + code, or a recovery code when the phone is away.
import { ADMIN_PASSWORD, shot, type Journey } from '../harness.ts';
import { nextCode } from '../totp.ts';
import { enrolTotpOnPage, newPage } from './common.ts';
import { expect } from './expect.ts';

const PHONE = { width: 390, height: 844 };

async function passwordStep(page: Awaited<ReturnType<typeof newPage>>, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login-username', 'admin');
  await page.fill('#login-password', ADMIN_PASSWORD);
  await page.click('#login-submit');
}

const enrolAndLogInWithTotp: Journey = {
  name: '管理员被要求启用二次验证：扫码页面启用、保存恢复码，之后凭密码＋验证码登录',
  async run({ app, browser }) {
    const page = await newPage(browser);
    await passwordStep(page, app.baseUrl);
    await page.waitForSelector('[data-testid="mfa-forced"]');
    expect(page.url(), 'forced to the account security page').toContain('/account-security');
    await shot(page, 'mfa-01-forced-enrolment');
    // Nothing else opens before enrolment: the console sends the user back here.
    await page.goto(`${app.baseUrl}/orgs`);
    await page.waitForSelector('[data-testid="mfa-forced"]');

    const started = page.waitForSelector('[data-testid="totp-qr"] canvas, [data-testid="totp-qr"] svg');
    const codes = enrolTotpOnPage(page, 'admin');
    await started;
    await shot(page, 'mfa-02-qr');
    const recovery = await codes;
    expect(String(recovery.length), 'ten recovery codes shown once').toBe('10');
    expect(recovery[0], 'recovery code format').toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    await shot(page, 'mfa-03-recovery-codes');
    await page.click('[data-testid="mfa-done"]');
    await page.waitForSelector('[data-testid="current-user"]');

    await page.hover('[data-testid="current-user"]');
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('#login-username');

    await passwordStep(page, app.baseUrl);
    await page.waitForSelector('#login-code');
    await shot(page, 'mfa-04-code-step');
    await page.click('[data-testid="toggle-recovery"]');
    await page.waitForSelector('#login-recovery');
    await shot(page, 'mfa-05-recovery-step');
    await page.click('[data-testid="toggle-recovery"]');
    await page.fill('#login-code', '000000');
    await page.click('[data-testid="login-mfa-submit"]');
    const err = await page.waitForSelector('[data-testid="mfa-error"]');
    expect(await err.textContent(), 'a wrong code is refused').toContain('验证码');
    await page.fill('#login-code', await nextCode('admin'));
    await page.click('[data-testid="login-mfa-submit"]');
    await page.waitForSelector('[data-testid="current-user"]');
    await page.goto(`${app.baseUrl}/orgs`);
    await page.waitForSelector('[data-testid="org-tree-node"]');
    await page.context().close();

    // On a phone, without the authenticator at hand: a recovery code, once.
    const phone = await newPage(browser, PHONE);
    await passwordStep(phone, app.baseUrl);
    await phone.waitForSelector('#login-code');
    await shot(phone, 'mfa-06-code-step-phone');
    await phone.click('[data-testid="toggle-recovery"]');
    await phone.fill('#login-recovery', recovery[0] ?? '');
    await phone.click('[data-testid="login-mfa-submit"]');
    await phone.waitForSelector('[data-testid="current-user"]');
    await phone.goto(`${app.baseUrl}/account-security`);
    const enabled = await phone.waitForSelector('[data-testid="mfa-enabled"]');
    expect(await enabled.textContent(), 'one recovery code spent').toContain('9');
    await shot(phone, 'mfa-07-account-security-phone');
    await phone.context().close();
  },
};

export const mfaJourneys: Journey[] = [enrolAndLogInWithTotp];
