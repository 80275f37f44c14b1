// Starts the listed modules in order and hands each the services of those before it.
import { registerScopeResolver } from '../authz/index.ts';
import type { CaseKernel } from '../cases/index.ts';
import type { Db } from '../db/index.ts';
import type { HttpApp } from '../http/index.ts';
import type { IndicatorProvider } from '../indicators/index.ts';
import type { JobService } from '../jobs/index.ts';
import type { MessageSender } from '../sms/index.ts';
import type { ModuleContext, ModuleServices, ServerModule, ServerSettings } from './contract.ts';

export interface Assembled {
  services: Partial<ModuleServices>;
  indicators: readonly IndicatorProvider[];
}

export async function startModules(
  modules: readonly ServerModule[],
  base: { app: HttpApp; db: Db; settings: ServerSettings; cases: CaseKernel; jobs: JobService; messages: MessageSender },
): Promise<Assembled> {
  const names = new Set<string>();
  for (const m of modules) {
    if (m.catalogue.key !== m.name) throw new Error(`module ${m.name}: its catalogue is ${m.catalogue.key}`);
    if (names.has(m.name)) throw new Error(`module ${m.name} listed twice`);
    names.add(m.name);
    for (const [kind, s] of Object.entries(m.scopes ?? {})) registerScopeResolver(kind, s.resolve, { label: s.label });
  }
  const services: Partial<ModuleServices> & Record<string, unknown> = {};
  const indicators = modules.flatMap((m) => (m.indicators ? [m.indicators] : []));
  const summaryThemes = modules.flatMap((m) => m.summaryThemes ?? []);
  const ctx: ModuleContext = {
    ...base,
    indicators,
    summaryThemes,
    service: (name) => {
      if (!(name in services)) throw new Error(`module service ${String(name)} is not started yet: list its module earlier`);
      return services[name] as ModuleServices[typeof name];
    },
  };
  for (const m of modules) {
    const provided: unknown = await m.register(ctx);
    if (provided !== undefined) services[m.name] = provided;
  }
  return { services, indicators };
}
