// Which field a database constraint guards, registered by the module that owns the table. The HTTP error handler
// turns a violation into a 409/400 that names the field, so a lost race reads like the service's own pre-check.
// Registration happens when a module's constraints file is imported (its service imports it for the pre-check),
// so the registry is complete whether or not an HTTP app is built.

export interface ConstraintRule {
  /** The constraint or unique index name as PostgreSQL reports it (`error.constraint`). */
  constraint: string;
  /** The request field the constraint guards; named in the message and sent as `field`. */
  field?: string;
  /** The field's name as a cadre reads it, when FIELD_LABELS' label does not fit this constraint. */
  label?: string;
  /** What is wrong, without the field's name: 「已存在」. */
  detail: string;
}

const rules = new Map<string, ConstraintRule>();

export function registerConstraints(...list: ConstraintRule[]): void {
  for (const rule of list) {
    const known = rules.get(rule.constraint);
    // Two modules claiming one name is a wiring mistake that would give one of them the wrong message.
    if (known && known !== rule) throw new Error(`constraint ${rule.constraint} is registered twice`);
    rules.set(rule.constraint, rule);
  }
}

export function constraintRule(name: string | undefined): ConstraintRule | undefined {
  return name === undefined ? undefined : rules.get(name);
}

/** Every registered name (a test checks each exists in the migrated schema). */
export function registeredConstraints(): string[] {
  return [...rules.keys()];
}

/** What the error handler may read of a PostgreSQL error: never its detail or parameters. */
export interface PgErrorInfo {
  code: string;
  constraint: string | undefined;
  message: string;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null;

/**
 * The PostgreSQL error behind `err`: pg's DatabaseError (PostgreSQL and PGlite alike, both reached through pg),
 * possibly wrapped by Drizzle (DrizzleQueryError keeps it as `cause`).
 */
export function pgErrorOf(err: unknown): PgErrorInfo | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && isRec(e); depth++, e = e.cause) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string') {
      return {
        code: e.code,
        constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
        message: typeof e.message === 'string' ? e.message : '',
      };
    }
  }
  return undefined;
}
