// One batch against the registry, inside the caller's transaction: new ID numbers are staged for insertion with a
// 'join' event, members already in the same union for an update or skipped, members of another union are
// refused (never moved silently). Nothing reaches the registry before the job publishes its staged batches.
// A dry run classifies the same way and writes only the report.
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { cooperative } from '../../platform/jobs/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import {
  cardNoOf,
  cipherFields,
  findMembersByIdHashes,
  nextMemberIds,
  phoneCipherOf,
  stagedMember,
  stagedPatch,
  type StagedMember,
  type StagedMemberPatch,
  type ExistingMember,
} from '../members/index.ts';
import { LABELS } from './member-imports.columns.ts';
import type { ImportOrigin } from './member-imports.job.ts';
import * as repo from './member-imports.repo.ts';
import { RETIREE_REGISTERED_NOTICE, displayOf, type Issue, type PreparedRow, type ValidRow } from './member-imports.rows.ts';

export interface BatchContext {
  jobId: number;
  dryRun: boolean;
  crypto: FieldCrypto;
  origin: ImportOrigin;
  date1904: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function differs(ex: ExistingMember, r: ValidRow): boolean {
  const f = r.fields;
  return (
    ex.name !== f.name ||
    ex.joinedAt !== r.joinedAt ||
    (f.phoneHash !== null && f.phoneHash !== ex.phoneHash) ||
    (r.categories !== null && !sameSet(r.categories, ex.categories))
  );
}

/** Why a row whose ID number is already registered cannot be imported here, or null when it can. */
function registryProblem(ex: ExistingMember, r: ValidRow, scopePath: string): string | null {
  if (ex.orgId !== r.org.id) {
    // Name the other union only when the uploader may see it anyway.
    const where = scopePath && ex.orgPath.startsWith(scopePath) ? `（${ex.orgName}）` : '';
    return `该会员已在其他工会${where}登记，需办理会员接转`;
  }
  if (ex.status === 'left') return '该会员已退会，如需重新入会请在会员管理中办理';
  return null;
}

export async function writeBatch(tx: Tx, ctx: BatchContext, rows: PreparedRow[], lastRow: number): Promise<repo.Counts> {
  const valid = rows.filter((r): r is ValidRow => r.ok);
  const existing = await findMembersByIdHashes(
    tx,
    valid.map((r) => r.fields.idHash),
  );
  const inserts: ValidRow[] = [];
  const patches: StagedMemberPatch[] = [];
  const lines: repo.LineTuple[] = [];
  const c: repo.Counts = { totalRows: rows.length, validRows: 0, imported: 0, updated: 0, skipped: 0, errorCount: 0, noticeCount: 0 };
  const refuse = (r: PreparedRow, issues: Issue[]) => {
    const raw = r.cells.map((cell) => displayOf(cell, ctx.date1904));
    const message = issues
      .map((i) => i.message)
      .join('；')
      .slice(0, 1000);
    lines.push([
      r.row,
      'error',
      issues[0]?.column ?? null,
      message,
      ctx.crypto.encrypt(JSON.stringify(raw), repo.importRowBinding(ctx.jobId, r.row)),
    ]);
    c.errorCount++;
  };

  // The batch's thousands of rows are worked through in slices of a few ms, so requests are answered meanwhile.
  const pause = cooperative();
  for (const r of rows) {
    await pause();
    if (!r.ok) {
      refuse(r, r.issues);
      continue;
    }
    const ex = existing.get(r.fields.idHash);
    const problem = ex ? registryProblem(ex, r, ctx.origin.scopePath) : null;
    if (problem) {
      refuse(r, [{ column: LABELS.idNumber, message: `${LABELS.idNumber}：${problem}` }]);
      continue;
    }
    const f = r.fields;
    if (!ex) {
      inserts.push(r);
      c.imported++;
    } else if (differs(ex, r)) {
      patches.push(
        stagedPatch({
          id: ex.id,
          name: f.name,
          namePinyin: f.namePinyin,
          nameInitials: f.nameInitials,
          nameGrams: f.nameGrams,
          phoneCipher: phoneCipherOf(ctx.crypto, ex.id, r.secret.phone),
          phoneHash: f.phoneHash,
          phoneMasked: f.phoneMasked,
          joinedAt: r.joinedAt,
          categories: r.categories,
          orgId: ex.orgId,
          sourceRow: r.row,
        }),
      );
      c.updated++;
    } else {
      c.skipped++;
    }
    c.validRows++;
    // A registered member's status is not changed by the roster: say so where it asks for 保留会籍.
    const notice = [r.notice, ex && r.retiredAt ? RETIREE_REGISTERED_NOTICE : undefined].filter(Boolean).join('；');
    if (notice) {
      lines.push([r.row, 'notice', r.noticeColumn ?? (r.notice ? LABELS.idNumber : LABELS.retiredAt), notice, null]);
      c.noticeCount++;
    }
  }

  if (!ctx.dryRun) {
    const ids = inserts.length > 0 ? await nextMemberIds(tx, inserts.length) : [];
    const fresh: StagedMember[] = [];
    for (const [i, r] of inserts.entries()) {
      await pause();
      const id = ids[i];
      if (id === undefined) throw new Error('member id sequence returned too few ids');
      const f = r.fields;
      const sealed = cipherFields(ctx.crypto, id, r.secret);
      fresh.push(
        stagedMember({
          id,
          orgId: r.org.id,
          orgPath: r.org.path,
          name: f.name,
          namePinyin: f.namePinyin,
          nameInitials: f.nameInitials,
          nameGrams: f.nameGrams,
          idCipher: sealed.idCipher,
          idHash: f.idHash,
          idMasked: f.idMasked,
          phoneCipher: sealed.phoneCipher,
          phoneHash: f.phoneHash,
          phoneMasked: f.phoneMasked,
          gender: f.gender,
          birthYear: f.birthYear,
          joinedAt: r.joinedAt,
          categories: r.categories ?? [],
          cardNo: cardNoOf(id),
          sourceRow: r.row,
          ...(r.retiredAt ? { retainedSince: r.retiredAt } : {}),
        }),
      );
    }
    await repo.stageBatch(tx, ctx.jobId, lastRow, fresh, patches, pause);
  }
  await repo.insertLines(tx, ctx.jobId, lines);
  await repo.addCounts(tx, ctx.jobId, c);
  return c;
}
