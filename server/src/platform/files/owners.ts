// What an attachment may belong to. Each kind of owner registers how to find the org it lies in; the attachment
// takes that org and its path. Who sees the files is who sees the owner: the subtree of that org, and of any org the
// owner is shared with (the other side of a case). 'org' (the org itself) is built in; a module that owns records
// with files (the case kernel) registers its type at start and serves the files through its own routes and rules.
import { eq } from 'drizzle-orm';
import { orgs, type DbOrTx } from '../db/index.ts';

export interface OrgRef {
  orgId: number;
  orgPath: string;
}

export interface AttachmentOwnerScope extends OrgRef {
  /** Further orgs whose subtrees see the owner and so its files (a case's other side). */
  sharedWith?: OrgRef[];
}

/** Finds the owner within the caller's database scope (RLS applies); undefined when there is none. */
export type AttachmentOwnerResolver = (tx: DbOrTx, id: number) => Promise<AttachmentOwnerScope | undefined>;

export interface AttachmentOwnerOptions {
  /** The owner's module serves these files through its own routes and rules; the generic routes refuse them. */
  ownRoutes?: boolean;
}

const resolvers = new Map<string, { resolve: AttachmentOwnerResolver; ownRoutes: boolean }>();

export function registerAttachmentOwner(type: string, resolve: AttachmentOwnerResolver, opts: AttachmentOwnerOptions = {}): void {
  if (!/^[a-z][a-z_]{0,31}$/.test(type)) throw new Error(`invalid attachment owner type ${type}`);
  resolvers.set(type, { resolve, ownRoutes: opts.ownRoutes ?? false });
}

export const attachmentOwnerResolver = (type: string): AttachmentOwnerResolver | undefined => resolvers.get(type)?.resolve;
/** Owner types the generic /attachments routes serve (those without routes of their own). */
export const isGenericOwnerType = (type: string): boolean => resolvers.get(type)?.ownRoutes === false;
export const attachmentOwnerTypes = (): string[] => [...resolvers.keys()];

registerAttachmentOwner('org', async (tx, id) => {
  const [row] = await tx.select({ orgId: orgs.id, orgPath: orgs.path }).from(orgs).where(eq(orgs.id, id));
  return row;
});
