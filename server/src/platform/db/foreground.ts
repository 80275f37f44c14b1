// Requests come first on the embedded database. PGlite serves one connection: a request's queries queue behind the
// transaction in flight, and between two of them the next background transaction (an import's batch or part) would
// take the connection again, so one request would wait for several. Background work that commits in short
// transactions calls yieldToRequests() before each: it waits until no API request is in flight, at most `maxMs`,
// so it slows under constant load but never stops. The HTTP layer counts requests (requestStarted/requestEnded).
import { performance } from 'node:perf_hooks';

let inFlight = 0;
let idle: (() => void)[] = [];
let lastStart = -Infinity;

export function requestStarted(): void {
  inFlight++;
  lastStart = performance.now();
}

/** How long no API request has been in flight or started (0 while one is): background work may take longer turns. */
export function quietForMs(): number {
  return inFlight > 0 ? 0 : performance.now() - lastStart;
}

export function requestEnded(): void {
  inFlight = Math.max(0, inFlight - 1);
  if (inFlight > 0) return;
  const waiting = idle;
  idle = [];
  for (const wake of waiting) wake();
}

/** Resolves once no API request is in flight, or after `maxMs`, whichever comes first. */
export async function yieldToRequests(maxMs: number): Promise<void> {
  if (inFlight === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    idle.push(resolve);
    timer = setTimeout(resolve, maxMs);
  });
  clearTimeout(timer);
}
