// Security headers (helmet's defaults and our CSP), worked out once at start-up. @fastify/helmet built a new helmet
// middleware on every request, parsing the CSP directives each time: 2–3 % of the server's CPU on the member list.
// The headers are the same for every answer, so helmet sets them once on a response that is never sent, and each
// reply copies them.
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';

export function staticSecurityHeaders(opts: HelmetOptions): Readonly<Record<string, string>> {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  let outcome: { err?: unknown } | undefined;
  helmet(opts)(req, res, (err?: unknown) => (outcome = { err }));
  // Directives given as functions (per-request nonces) would not finish here; ours are plain strings.
  if (!outcome || outcome.err || !res.hasHeader('content-security-policy')) {
    throw new Error('security headers: helmet did not answer at once');
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (value !== undefined) headers[name] = String(value);
  return Object.freeze(headers);
}
