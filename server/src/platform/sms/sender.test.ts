// The message senders: the HTTP adapter against a fake gateway (body, token, non-2xx, timeout), the log sender's
// masking, and the configuration that refuses the log sender in production.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, smsSettings } from '../config.ts';
import { createMessageSender, httpSender, logSender, type SenderLog } from './index.ts';

/** A logger that keeps what it was given. */
function memoryLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at =
    (level: string) =>
    (obj: object, msg: string): void => {
      lines.push({ level, obj, msg });
    };
  const log: SenderLog = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

describe('SMS senders', () => {
  const received: { url?: string; token?: string; body: unknown }[] = [];
  let status = 200;
  let delayMs = 0;
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString()));
      req.on('end', () => {
        received.push({ url: req.url, token: req.headers['x-api-token'] as string | undefined, body: JSON.parse(raw) as unknown });
        setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end('{}'), delayMs);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts {phone, text} as JSON with the token header to the gateway', async () => {
    const { log, lines } = memoryLog();
    await httpSender({ url, token: 'secret-token' }, log).send('13812341234', '验证码123456');
    expect(received.at(-1)).toEqual({ url: '/sms', token: 'secret-token', body: { phone: '13812341234', text: '验证码123456' } });
    expect(lines.map((l) => l.level)).toEqual(['info']);
    expect(JSON.stringify(lines)).not.toContain('13812341234');
  });

  it('logs a non-2xx answer and a timeout as errors without throwing', async () => {
    const { log, lines } = memoryLog();
    status = 500;
    await expect(httpSender({ url }, log).send('13812341234', 'x')).resolves.toBeUndefined();
    status = 200;
    delayMs = 300;
    await expect(httpSender({ url, timeoutMs: 50 }, log).send('13812341234', 'x')).resolves.toBeUndefined();
    delayMs = 0;
    expect(lines.map((l) => [l.level, l.obj])).toEqual([
      ['error', { sms: { to: '138****1234', status: 500 } }],
      ['error', { sms: { to: '138****1234', reason: 'timeout' } }],
    ]);
    await expect(httpSender({ url: 'http://127.0.0.1:1/' }, log).send('13812341234', 'x')).resolves.toBeUndefined();
    expect(lines.at(-1)?.obj).toEqual({ sms: { to: '138****1234', reason: 'network' } });
  });

  it('the log sender writes the message with the phone masked', async () => {
    const { log, lines } = memoryLog();
    await logSender(log).send('13812341234', '验证码654321');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.msg).toContain('138****1234');
    expect(lines[0]?.msg).toContain('654321');
    expect(JSON.stringify(lines)).not.toContain('13812341234');
    await createMessageSender({ sender: 'none' }, log).send('13812341234', '验证码111111');
    expect(lines[1]?.level).toBe('error');
    expect(JSON.stringify(lines[1])).not.toContain('111111');
  });

  it('configuration: log by default in development, refused in production; http needs a URL', () => {
    expect(smsSettings({}, false)).toEqual({ sender: 'log' });
    expect(smsSettings({}, true)).toEqual({ sender: 'none' });
    expect(() => loadConfig({ NODE_ENV: 'production', SMS_SENDER: 'log' })).toThrow(/SMS_SENDER=log/);
    expect(loadConfig({ SMS_SENDER: 'log' }).sms).toEqual({ sender: 'log' });
    expect(() => smsSettings({ SMS_SENDER: 'http' }, true)).toThrow(/SMS_HTTP_URL/);
    expect(() => smsSettings({ SMS_SENDER: 'carrier-pigeon' }, false)).toThrow(/SMS_SENDER/);
    expect(smsSettings({ SMS_SENDER: 'http', SMS_HTTP_URL: 'https://sms.example.cn/send', SMS_HTTP_TOKEN: 't' }, true)).toEqual({
      sender: 'http',
      httpUrl: 'https://sms.example.cn/send',
      httpToken: 't',
      timeoutMs: 5000,
    });
  });
});
