-- Files on cases (platform/cases): a case's attachment rows carry the owner side's org path, yet the case is seen
-- from both sides (a transfer's sending and receiving unions). The policy also lets through the files of a case the
-- caller sees — the subquery on cases runs under cases' own policy, as case_steps' does — for reads and writes.
DROP POLICY IF EXISTS attachments_scope ON attachments;
--> statement-breakpoint
CREATE POLICY attachments_scope ON attachments USING (
  (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()))
  OR (owner_type = 'case' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = attachments.owner_id)));
