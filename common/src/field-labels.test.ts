import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabelAt, labelled } from './field-labels.ts';
import { ZMemberCreate, ZMemberUpdate } from './member.ts';

describe('field labels per schema', () => {
  it('finds the label through optional, nullable and default wrappers and nested objects and arrays', () => {
    const s = z.object({
      a: labelled(z.string(), '甲').optional(),
      b: labelled(z.string().nullable(), '乙').default(null),
      list: z.array(z.object({ c: labelled(z.number(), '丙') })),
      plain: z.string(),
    });
    expect(fieldLabelAt(s, ['a'])).toBe('甲');
    expect(fieldLabelAt(s, ['b'])).toBe('乙');
    expect(fieldLabelAt(s, ['list', '0', 'c'])).toBe('丙');
    expect(fieldLabelAt(s, ['plain'])).toBeUndefined();
    expect(fieldLabelAt(s, ['missing'])).toBeUndefined();
  });

  it('labels a member’s name 姓名 while the shared text schema stays unlabelled', () => {
    expect(fieldLabelAt(ZMemberCreate, ['name'])).toBe('姓名');
    expect(fieldLabelAt(ZMemberUpdate, ['name'])).toBe('姓名');
    expect(fieldLabelAt(z.object({ name: z.string() }), ['name'])).toBeUndefined();
  });
});
