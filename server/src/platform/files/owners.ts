// What an attachment may belong to. Each kind of owner registers how to find the org it lies in; the attachment
// takes that org and its path, which decide who sees the file. 'org' (the org itself) is built in; a module that
// owns records with files (cases) registers its type at start and wraps the routes with its own rules.
import { eq } from 'drizzle-orm';
import { orgs, type DbOrTx } from '../db/index.ts';

export interface AttachmentOwnerScope {
  orgId: number;
  orgPath: string;
}

/** Finds the owner within the caller's database scope (RLS applies); undefined when there is none. */
export type AttachmentOwnerResolver = (tx: DbOrTx, id: number) => Promise<AttachmentOwnerScope | undefined>;

const resolvers = new Map<string, AttachmentOwnerResolver>();

export function registerAttachmentOwner(type: string, resolve: AttachmentOwnerResolver): void {
  if (!/^[a-z][a-z_]{0,31}$/.test(type)) throw new Error(`invalid attachment owner type ${type}`);
  resolvers.set(type, resolve);
}

export const attachmentOwnerResolver = (type: string): AttachmentOwnerResolver | undefined => resolvers.get(type);
export const attachmentOwnerTypes = (): string[] => [...resolvers.keys()];

registerAttachmentOwner('org', async (tx, id) => {
  const [row] = await tx.select({ orgId: orgs.id, orgPath: orgs.path }).from(orgs).where(eq(orgs.id, id));
  return row;
});
