// Every action the server records has a label in the catalogue (common/src/audit.ts). recordAudit() takes an
// AuditAction, so typecheck catches a new literal too; this scan also covers actions built from templates.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, ORG_EVENT_TYPES, isAuditAction } from '@gonghui/common';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Actions assembled at run time, and every value each can take.
const TEMPLATES: Record<string, string[]> = {
  'org.${ev.type}': ORG_EVENT_TYPES.filter((t) => t !== 'found').map((t) => `org.${t}`),
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

function recordedActions(): { actions: Map<string, string>; templates: Map<string, string> } {
  const actions = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const file of sources(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction:\s*([^,}\n]+)/g)) {
      const expr = m[1] ?? '';
      const where = path.relative(SRC, file);
      for (const lit of expr.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.set(lit[1] ?? '', where);
      for (const tpl of expr.matchAll(/`([^`]*)`/g)) templates.set(tpl[1] ?? '', where);
    }
  }
  return { actions, templates };
}

describe('audit action catalogue', () => {
  const { actions, templates } = recordedActions();

  it('finds the actions the server records', () => {
    expect(actions.size).toBeGreaterThan(40);
    for (const a of ['org.create', 'member.create', 'auth.login', 'target.set', 'report.create', 'export_request.reject']) {
      expect(actions.has(a), a).toBe(true);
    }
  });

  it('labels every action recorded anywhere in server/src', () => {
    const missing = [...actions].filter(([a]) => !isAuditAction(a)).map(([a, file]) => `${a} (${file})`);
    expect(missing).toEqual([]);
  });

  it('labels every value of an action built from a template', () => {
    const unknown = [...templates].filter(([tpl]) => !TEMPLATES[tpl]).map(([tpl, file]) => `${tpl} (${file})`);
    expect(unknown, 'list the values of a new template action in TEMPLATES').toEqual([]);
    for (const values of Object.values(TEMPLATES)) for (const a of values) expect(isAuditAction(a), a).toBe(true);
  });

  it('gives every action a non-empty Chinese label', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) expect(label, action).toMatch(/\p{Script=Han}/u);
  });
});
