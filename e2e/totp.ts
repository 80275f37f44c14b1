// What an authenticator app does (RFC 6238, SHA-1, 30 s, 6 digits), so journeys can answer the second factor. e2e
// drives the app from outside and imports nothing from server/, hence this small copy.
import { createHmac } from 'node:crypto';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text.toUpperCase().replace(/[^A-Z2-7]/g, '')) {
    value = ((value << 5) | B32.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export const timeStep = (ms = Date.now()) => Math.floor(ms / 30_000);

export function totpAt(secret: string, step: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

// Secrets the journeys enrolled, and the last step each used: the server never accepts a step twice.
const enrolled = new Map<string, { secret: string; lastStep: number }>();

export function rememberTotp(username: string, secret: string, usedStep: number): void {
  enrolled.set(username, { secret, lastStep: usedStep });
}

export function hasTotp(username: string): boolean {
  return enrolled.has(username);
}

/** A code the server will accept now, waiting for the next 30 s window when this one is spent. */
export async function nextCode(username: string): Promise<string> {
  const f = enrolled.get(username);
  if (!f) throw new Error(`no TOTP secret known for ${username}`);
  for (;;) {
    const now = timeStep();
    const step = Math.max(now, f.lastStep + 1);
    if (step <= now + 1) {
      f.lastStep = step;
      return totpAt(f.secret, step);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
