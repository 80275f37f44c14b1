// Where identityFields spends its CPU per row (pinyin, grams, AES-GCM, HMAC blind index, ID parse).
import { performance } from 'node:perf_hooks';
import { parseIdNumber } from '@gonghui/common';
import { identityFields } from '../../server/src/modules/members/index.ts';
import { nameGrams, namePinyin } from '../../server/src/modules/members/members.names.ts';
import { benchCrypto } from './members-crypto.ts';
import { personOf } from './members-people.ts';

const N = 50_000;
const people = Array.from({ length: N }, (_, i) => personOf(1, 5_000_000 + i));
const time = (label: string, fn: (i: number) => unknown) => {
  for (let i = 0; i < 2000; i++) fn(i);
  const t = performance.now();
  for (let i = 0; i < N; i++) fn(i);
  process.stdout.write(`${label.padEnd(22)} ${(((performance.now() - t) * 1000) / N).toFixed(1)} µs/row\n`);
};
const p = (i: number) => {
  const x = people[i];
  if (!x) throw new Error(`no person ${i}`);
  return x;
};
time('identityFields', (i) => identityFields(benchCrypto, { name: p(i).name, idNumber: p(i).idNumber, phone: p(i).phone }));
time('namePinyin', (i) => namePinyin(p(i).name));
time('nameGrams', (i) => nameGrams(p(i).name));
time('encrypt (×2: id, phone)', (i) => [
  benchCrypto.encrypt(p(i).idNumber, { table: 'members', column: 'id_cipher', id: i }),
  benchCrypto.encrypt(p(i).phone ?? '', { table: 'members', column: 'phone_cipher', id: i }),
]);
time('blindIndex (×2)', (i) => [benchCrypto.blindIndex('id', p(i).idNumber), benchCrypto.blindIndex('phone', p(i).phone ?? '')]);
time('parseIdNumber', (i) => parseIdNumber(p(i).idNumber));
