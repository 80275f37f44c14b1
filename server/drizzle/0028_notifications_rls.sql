-- Notifications (modules/notifications): each row belongs to one user. The app may read, add and mark rows read,
-- never DELETE or TRUNCATE them; row-level security shows a user only their own rows, by the session setting
-- app.user_id that the app sets for each request next to app.scope_path. The system context (the notify job) writes
-- them. An unset or empty app.user_id matches nothing.
CREATE OR REPLACE FUNCTION app_user_id() RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('app.user_id', true) ~ '^[0-9]{1,9}$' THEN current_setting('app.user_id', true)::integer END
$$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON notifications TO gonghui_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON notifications FROM gonghui_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE notifications_id_seq TO gonghui_app;
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS notifications_own ON notifications;
--> statement-breakpoint
CREATE POLICY notifications_own ON notifications USING ((SELECT app_scope_system()) OR recipient_id = (SELECT app_user_id()));
