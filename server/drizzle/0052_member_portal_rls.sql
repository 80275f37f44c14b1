-- 会员服务账号 (modules/member-portal). Member routes run as system lookups bounded to the member's own id (like the
-- cadre session lookup); cadres list and reset accounts in their scope. An account and its sessions are visible
-- exactly when the member is (members_scope); SMS codes only in the system context. The app may delete sessions
-- (logout, reset) and expired codes, never accounts.
GRANT SELECT, INSERT, UPDATE ON member_accounts TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON member_accounts FROM gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON member_sessions TO gonghui_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON member_codes TO gonghui_app;
--> statement-breakpoint
ALTER TABLE member_accounts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS member_accounts_scope ON member_accounts;
--> statement-breakpoint
CREATE POLICY member_accounts_scope ON member_accounts USING (
  (SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM members m WHERE m.id = member_accounts.member_id));
--> statement-breakpoint
ALTER TABLE member_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS member_sessions_scope ON member_sessions;
--> statement-breakpoint
CREATE POLICY member_sessions_scope ON member_sessions USING (
  (SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM member_accounts a WHERE a.id = member_sessions.account_id));
--> statement-breakpoint
ALTER TABLE member_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS member_codes_system ON member_codes;
--> statement-breakpoint
CREATE POLICY member_codes_system ON member_codes USING ((SELECT app_scope_system()));
