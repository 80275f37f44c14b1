import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileFast, compiledSerializerCompiler } from './serializer.ts';

const ZRow = z.object({
  id: z.number().int(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  note: z.string().optional(),
  status: z.enum(['active', 'left']),
  tags: z.array(z.string()),
  org: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  counts: z.record(z.string(), z.number()),
});
const ZPage = z.object({ items: z.array(ZRow), total: z.number().int().nullable(), more: z.boolean().default(false) });

const row = {
  id: 7,
  name: '张"三\\丰 \u2028 😀',
  phoneMasked: null,
  status: 'active',
  tags: ['在职职工', ''],
  org: { id: 3, name: '示范市总工会', path: '1.3.' },
  counts: { 送温暖: 2, 金秋助学: 0 },
  idCipher: 'must never leave',
};

const viaZod = (schema: z.ZodType, data: unknown) => JSON.stringify(schema.parse(data));
const compile = (verify: boolean, schema: z.ZodType) =>
  compiledSerializerCompiler({ verify })({ schema, method: 'GET', url: '/t', httpStatus: '200' });

describe('compiled response serializers', () => {
  it('write what the Zod parse wrote: same values, no keys outside the schema', () => {
    const fast = compileFast(ZPage);
    expect(fast).toBeDefined();
    const data = { items: [row, { ...row, id: 8, note: '备注', org: null }], total: null };
    const out = fast?.(data) ?? '';
    expect(JSON.parse(out)).toEqual(JSON.parse(viaZod(ZPage, data)));
    expect(out).not.toContain('idCipher');
    expect(out).not.toContain('"path"');
    expect(JSON.parse(out).more).toBe(false);
  });

  it('keep the Zod serializer where JSON Schema cannot say what the schema does', () => {
    const withTransform = z.object({ at: z.date().transform((d) => d.toISOString()) });
    expect(compileFast(withTransform)).toBeUndefined();
    const serialize = compile(false, withTransform);
    expect(serialize({ at: new Date('2026-01-02T03:04:05Z') })).toBe('{"at":"2026-01-02T03:04:05.000Z"}');
  });

  it('under verification refuse an answer its schema does not describe, as the Zod serializer did', () => {
    const serialize = compile(true, ZRow);
    expect(JSON.parse(serialize(row))).toEqual(JSON.parse(viaZod(ZRow, row)));
    // A presenter that sends a Date where the schema says string: fast-json-stringify alone would coerce it.
    expect(() => serialize({ ...row, name: new Date() })).toThrow();
  });
});
