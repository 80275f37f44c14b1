// Sending a workbook: the content type, a download name in ASCII for old clients and in UTF-8 for the rest, and for a
// streamed export the rule that errors found before the first byte (scope, cap, filter) still answer as JSON errors.
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxNames {
  /** ASCII file name, e.g. `members-2026-12-06.xlsx`. */
  ascii: string;
  /** The name users see, e.g. `会员名册-2026-12-06.xlsx`. */
  shown: string;
}

export function sendXlsx(reply: FastifyReply, names: XlsxNames, body: Buffer | Readable) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.shown)}`)
    .send(body);
}

/**
 * Streams what `write` produces. `write` checks permission, scope and filter before writing its first byte: until then
 * its rejection is the request's error (a JSON 4xx); after it, the download is cut short and the failure logged.
 */
export async function streamXlsx(
  req: FastifyRequest,
  reply: FastifyReply,
  write: (out: PassThrough) => Promise<unknown>,
  names: () => XlsxNames | Promise<XlsxNames>,
) {
  const out = new PassThrough();
  const done = write(out);
  await Promise.race([done, new Promise((r) => out.once('readable', r))]);
  done.catch((err: unknown) => {
    req.log.error({ err, url: req.routeOptions.url }, 'xlsx export failed');
    out.destroy(err instanceof Error ? err : new Error('export failed'));
  });
  return sendXlsx(reply, await names(), out);
}
