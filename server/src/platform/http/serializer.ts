// Response serializers compiled from each route's Zod response schema (fast-json-stringify), in place of a Zod
// parse of every answer followed by JSON.stringify: a 20-row member page took ~75 µs that way, ~28 µs compiled.
// The compiled serializer writes only the schema's keys, as the Zod parse did (the presenter's allow-list stays the
// rule, the schema its second wall). A schema JSON Schema cannot express (transforms, custom checks) keeps the Zod
// serializer. Under tests every answer goes through both and must say the same (key order aside), so a presenter that
// returns what its schema does not describe fails the route's tests instead of being coerced quietly in production.
import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type Serialize = (data: unknown) => string;
type CompilerInput = Parameters<typeof zodSerializerCompiler>[0];

/** The Zod schema of a route response (fastify-type-provider-zod also accepts `{ properties: schema }`). */
function zodOf(schema: unknown): z.ZodType | undefined {
  if (schema instanceof z.ZodType) return schema;
  const inner = (schema as { properties?: unknown } | undefined)?.properties;
  return inner instanceof z.ZodType ? inner : undefined;
}

/** fast-json-stringify for a Zod schema, or undefined where JSON Schema cannot say what the Zod schema does. */
export function compileFast(schema: z.ZodType): Serialize | undefined {
  try {
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
    return fastJson(stripping(json) as Parameters<typeof fastJson>[0]);
  } catch {
    return undefined;
  }
}

/**
 * The schema with `additionalProperties: false` removed. Zod strips unknown keys; fast-json-stringify writes only the
 * declared properties either way, but picks a union's branch (a nullable object is one) by validating against it,
 * and with the `false` kept an object carrying one more key than its schema matched no branch and threw.
 */
function stripping(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripping);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (!(k === 'additionalProperties' && v === false)) out[k] = stripping(v);
  return out;
}

export interface SerializerOptions {
  /** Serialize with both and require the same JSON value (tests). */
  verify: boolean;
}

/** Fastify's serializer compiler: compiled lazily on a route's first answer, so start-up stays fast. */
export function compiledSerializerCompiler(opts: SerializerOptions) {
  return (input: CompilerInput): Serialize => {
    const viaZod = zodSerializerCompiler(input) as Serialize;
    const schema = zodOf(input.schema);
    let fast: Serialize | undefined | null = schema ? null : undefined;
    return (data) => {
      if (fast === null) fast = compileFast(schema as z.ZodType);
      if (!fast) return viaZod(data);
      if (!opts.verify) return fast(data);
      const expected = viaZod(data);
      const got = fast(data);
      if (got !== expected && !isDeepStrictEqual(JSON.parse(got), JSON.parse(expected))) {
        throw new Error(`compiled serializer of ${input.method} ${input.url} differs from Zod:\n${got}\n${expected}`);
      }
      return got;
    };
  };
}
