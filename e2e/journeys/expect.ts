// A tiny assertion helper: journeys fail with a message that says what the user would have noticed.
export function expect(actual: unknown, what: string) {
  const fail = (msg: string) => {
    throw new Error(`${what}: ${msg}`);
  };
  return {
    toBe(expected: unknown) {
      if (actual !== expected) fail(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    },
    toBeTruthy() {
      if (!actual) fail(`expected a value, got ${JSON.stringify(actual)}`);
    },
    toMatch(re: RegExp) {
      if (typeof actual !== 'string' || !re.test(actual)) fail(`expected to match ${String(re)}, got ${JSON.stringify(actual)}`);
    },
    toContain(part: string) {
      if (typeof actual !== 'string' || !actual.includes(part))
        fail(`expected to contain ${JSON.stringify(part)}, got ${JSON.stringify(actual)}`);
    },
    notToContain(part: string) {
      if (typeof actual === 'string' && actual.includes(part)) fail(`expected not to contain ${JSON.stringify(part)}`);
    },
  };
}
