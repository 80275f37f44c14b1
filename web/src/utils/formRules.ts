// Turns a shared Zod field schema into an antd form rule, so console and server validate alike.
import type { FormRule } from 'antd';
import dayjs from 'dayjs';

/** The part of a Zod schema the rule needs; kept structural so web does not depend on zod directly. */
interface SafeParser {
  safeParse(value: unknown): { success: boolean; error?: { issues: ReadonlyArray<{ message: string }> } };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Validates non-empty values with the schema; emptiness is left to a separate `required` rule. */
export function zodRule(schema: SafeParser): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) return;
      const input = dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value;
      const result = schema.safeParse(input);
      if (!result.success) throw new Error(result.error?.issues[0]?.message ?? '输入有误');
    },
  };
}

/** Drops empty strings and undefined values (create requests omit what the user left blank). */
export function omitEmpty<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}
