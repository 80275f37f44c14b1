// Writes seals: at start, every `intervalMs`, after about `everyRows` new rows, and at shutdown. A chain that no
// longer verifies since the last seal is never sealed (that would bless the tampering); it is logged as an error.
import type { Db } from '../db/index.ts';
import { onAuditRecorded } from './audit.ts';
import { auditSealsOf, signSeal, type AuditSeal } from './seals.ts';
import { verifySinceSeal, type ChainBreak } from './verify.ts';

export interface SealLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SealOutcome {
  /** The latest seal after this run (new, or the previous one when nothing changed). */
  seal?: AuditSeal;
  broken?: { at: number; reason: ChainBreak };
}

export async function sealAuditChain(db: Db, log?: SealLog): Promise<SealOutcome> {
  const store = auditSealsOf(db);
  const { latest } = store.read();
  const res = await verifySinceSeal(db, latest);
  if (res.broken) {
    log?.error({ brokenAt: res.broken.at, reason: res.broken.reason, sealedThrough: latest?.throughId }, 'audit chain broken: not sealed');
    return { seal: latest, broken: res.broken };
  }
  if (!res.head || res.head.id === latest?.throughId) return { seal: latest };
  const seal = signSeal({ throughId: res.head.id, hash: res.head.hash, count: res.checked, at: new Date().toISOString() });
  store.append(seal);
  log?.info({ auditSeal: seal }, 'audit seal');
  return { seal };
}

export interface AuditSealer {
  /** Seals now (runs are serialised). */
  seal(): Promise<SealOutcome>;
  /** Stops the timers and writes the final seal. */
  stop(): Promise<SealOutcome>;
}

export async function startAuditSealer(db: Db, opts: { log: SealLog; intervalMs: number; everyRows: number }): Promise<AuditSealer> {
  let queue: Promise<SealOutcome> = Promise.resolve({});
  const seal = () => {
    queue = queue.then(
      () => sealAuditChain(db, opts.log),
      () => sealAuditChain(db, opts.log),
    );
    return queue;
  };
  const background = () => {
    seal().catch((err: unknown) => opts.log.error({ err }, 'audit seal failed'));
  };
  await seal();
  const timer = setInterval(background, opts.intervalMs);
  timer.unref();
  let rows = 0;
  let soon: NodeJS.Timeout | undefined;
  const unlisten = onAuditRecorded(() => {
    if (++rows < opts.everyRows || soon) return;
    rows = 0;
    // Give the writing transaction a moment to commit; whatever has committed by then is sealed.
    soon = setTimeout(() => {
      soon = undefined;
      background();
    }, 1000);
    soon.unref();
  });
  return {
    seal,
    async stop() {
      clearInterval(timer);
      if (soon) clearTimeout(soon);
      unlisten();
      return seal();
    },
  };
}
