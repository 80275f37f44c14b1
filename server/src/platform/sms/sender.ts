// Text messages to a phone (SMS verification codes, notices to applicants). One interface, chosen at start by
// SMS_SENDER: `log` writes the message to the server log with the phone masked (development only: production refuses
// it at start, platform/config.ts), `http` posts {phone, text} as JSON to a gateway. A failed send is logged and never
// fails the request that caused it: callers answer the same whether or not the message went out.
import { maskPhone } from '@gonghui/common';

export interface MessageSender {
  /** Sends `text` to `phone` (normalised mainland mobile number). Resolves whether or not delivery worked. */
  send(phone: string, text: string): Promise<void>;
}

/** What a sender logs to: pino's logger fits. */
export interface SenderLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type SmsSenderKind = 'log' | 'http' | 'none';

export interface SmsSettings {
  sender: SmsSenderKind;
  /** SMS_HTTP_URL: the gateway endpoint (http adapter). */
  httpUrl?: string;
  /** SMS_HTTP_TOKEN: sent as the `x-api-token` header. */
  httpToken?: string;
  /** SMS_HTTP_TIMEOUT_MS (default 5000). */
  timeoutMs?: number;
}

export const SMS_HTTP_TIMEOUT_MS_DEFAULT = 5000;

/** Development: the message goes to the server log; the phone is masked (138****1234). */
export function logSender(log: SenderLog): MessageSender {
  return {
    async send(phone, text) {
      log.warn({ sms: { to: maskPhone(phone) } }, `SMS (SMS_SENDER=log) to ${maskPhone(phone)}: ${text}`);
    },
  };
}

/** No sender configured (production without SMS settings): nothing is sent; each attempt is logged as an error. */
export function noSender(log: SenderLog): MessageSender {
  return {
    async send(phone) {
      log.error({ sms: { to: maskPhone(phone) } }, 'SMS not sent: no SMS_SENDER configured');
    },
  };
}

/** Generic HTTP gateway: POST {phone, text} as JSON with the token header; non-2xx, timeouts and errors are logged. */
export function httpSender(s: { url: string; token?: string; timeoutMs?: number }, log: SenderLog): MessageSender {
  const timeoutMs = s.timeoutMs ?? SMS_HTTP_TIMEOUT_MS_DEFAULT;
  return {
    async send(phone, text) {
      const to = maskPhone(phone);
      try {
        const res = await fetch(s.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(s.token ? { 'x-api-token': s.token } : {}) },
          body: JSON.stringify({ phone, text }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        // Drain the body so the connection is released.
        await res.arrayBuffer().catch(() => undefined);
        if (!res.ok) log.error({ sms: { to, status: res.status } }, 'SMS gateway refused the message');
        else log.info({ sms: { to } }, 'SMS sent');
      } catch (err) {
        const reason = err instanceof Error && err.name === 'TimeoutError' ? 'timeout' : 'network';
        log.error({ sms: { to, reason } }, 'SMS gateway unreachable');
      }
    },
  };
}

export function createMessageSender(settings: SmsSettings | undefined, log: SenderLog): MessageSender {
  const s = settings ?? { sender: 'log' };
  if (s.sender === 'http') {
    if (!s.httpUrl) throw new Error('SMS_SENDER=http needs SMS_HTTP_URL');
    return httpSender({ url: s.httpUrl, token: s.httpToken, timeoutMs: s.timeoutMs }, log);
  }
  return s.sender === 'none' ? noSender(log) : logSender(log);
}

/** Tests: keeps every message instead of sending it. */
export function capturingSender(): MessageSender & { sent: { phone: string; text: string }[] } {
  const sent: { phone: string; text: string }[] = [];
  return {
    sent,
    async send(phone, text) {
      sent.push({ phone, text });
    },
  };
}
