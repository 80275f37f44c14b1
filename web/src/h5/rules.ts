// antd-mobile Form validators over validate.ts; empty values are left to the `required` rule.
import { isValidCode, isValidIdNumber, isValidPhone, isValidUscc } from './validate.ts';

type Rule = (_: unknown, value: unknown) => Promise<void>;

const check =
  (ok: (v: string) => boolean, message: string): Rule =>
  async (_, value) => {
    if (typeof value === 'string' && value.trim() !== '' && !ok(value)) throw new Error(message);
  };

export const idRule = (message: string) => check(isValidIdNumber, message);
export const phoneRule = (message: string) => check(isValidPhone, message);
export const codeRule = (message: string) => check(isValidCode, message);
export const usccRule = (message: string) => check(isValidUscc, message);
