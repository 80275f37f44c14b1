// Logs never carry personal data: redact ID numbers, phones, passwords and session cookies wherever they sit,
// and serialize errors from an allow-list so a failed query never writes its parameters to the log.
/** Where log lines go instead of stdout (tests capture them). */
export interface LogStream {
  write(line: string): void;
}

export function loggerOptions(level: string, stream?: LogStream) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.oldPassword',
        '*.newPassword',
        '*.idNumber',
        '*.phone',
        '*.*.idNumber',
        '*.*.phone',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        // Query strings can carry ID numbers (exact lookup): log the path only.
        url: req.url.split('?')[0],
        id: req.id,
      }),
      err: (err: unknown) => serializeError(err),
    },
  };
}

/** What a PostgreSQL error may keep: identifiers and codes, never `detail` ("Failing row contains (…)"), `where` or values. */
const DB_KEEP = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A PostgreSQL error (pg's DatabaseError or the wire error PGlite sends back) has a SQLSTATE and a severity. */
function isDbError(e: Rec): boolean {
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

/** Drizzle wraps a failed statement with its SQL and parameters: both in fields and in the message. */
function isQueryError(e: Rec): boolean {
  return 'params' in e && 'query' in e;
}

/** Only the call frames: the first stack line repeats the message, which may hold the parameters. */
function framesOf(stack: unknown): string | undefined {
  const s = str(stack);
  if (!s) return undefined;
  return s
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
}

/** PostgreSQL quotes identifiers and values alike ("invalid input syntax for type date: \"…\""): keep known identifiers only. */
function dbMessage(e: Rec): string {
  const known = new Set(DB_KEEP.map((k) => str(e[k])).filter((v): v is string => Boolean(v)));
  return (str(e.message) ?? '').replace(/"((?:[^"]|"")*)"/g, (all, inner: string) => (known.has(inner) ? all : '"…"'));
}

export interface SafeError {
  type: string;
  message: string;
  stack: string;
  [k: string]: unknown;
}

export function serializeError(err: unknown, depth = 0): SafeError {
  if (!isRec(err)) return { type: typeof err, message: '[non-error value]', stack: '' };
  const out: SafeError = { type: str(err.constructor?.name) ?? 'Object', message: '', stack: framesOf(err.stack) ?? '' };
  if (isQueryError(err)) {
    out.message = 'Failed query (statement and parameters not logged)';
  } else if (isDbError(err)) {
    out.message = dbMessage(err);
    for (const k of DB_KEEP) if (err[k] !== undefined) out[k] = err[k];
  } else {
    out.message = str(err.message) ?? '';
    if (err.code !== undefined) out.code = err.code;
    if (typeof err.statusCode === 'number') out.statusCode = err.statusCode;
  }
  if (depth < 3 && err.cause !== undefined) out.cause = serializeError(err.cause, depth + 1);
  return out;
}
