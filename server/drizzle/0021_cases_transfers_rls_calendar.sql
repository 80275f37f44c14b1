-- Casework kernel (decision 0005), part 2 of 3: member_transfers rows become cases of type member_transfer (ids kept,
-- so member_events.data.transferId still names the case), row-level security for cases and their steps, and the
-- working-day calendar's seed. Part 3 drops member_transfers.
INSERT INTO cases (id, type, number, year, org_id, org_path, target_org_id, target_org_path, status, open, version, subject,
  due_at, title, payload, created_by, created_at, updated_at)
SELECT t.id, 'member_transfer',
  'JZ-' || y.year || '-' || lpad((row_number() OVER (PARTITION BY y.year ORDER BY t.id))::text, 6, '0'),
  y.year, t.from_org_id, fo.path, t.to_org_id, tor.path,
  CASE t.status WHEN 'cancelled' THEN 'withdrawn' ELSE t.status END,
  t.status = 'pending',
  CASE t.status WHEN 'pending' THEN 1 ELSE 2 END,
  'member:' || t.member_id,
  -- Requests still waiting get two weeks from the upgrade instead of a deadline they never had.
  CASE t.status WHEN 'pending' THEN ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date + 14 END,
  left('会员接转：' || CASE
    WHEN char_length(m.name) <= 1 THEN m.name
    WHEN char_length(m.name) = 2 THEN left(m.name, 1) || '*'
    ELSE left(m.name, 1) || repeat('*', char_length(m.name) - 2) || right(m.name, 1) END
    || '（' || fo.name || ' → ' || tor.name || '）', 200),
  jsonb_build_object('memberId', t.member_id, 'date', t.date::text, 'reason', t.reason),
  t.requested_by, t.created_at, coalesce(t.decided_at, t.created_at)
FROM member_transfers t
JOIN members m ON m.id = t.member_id
JOIN orgs fo ON fo.id = t.from_org_id
JOIN orgs tor ON tor.id = t.to_org_id
CROSS JOIN LATERAL (SELECT extract(year FROM (t.created_at AT TIME ZONE 'UTC') + interval '8 hours')::int AS year) y;
--> statement-breakpoint
INSERT INTO case_steps (case_id, action, from_status, to_status, actor_id, actor_name, actor_org_name, opinion, at)
SELECT t.id, 'submit', NULL, 'pending', t.requested_by, left(coalesce(u.display_name, u.username, '系统'), 50), uo.name, t.reason, t.created_at
FROM member_transfers t LEFT JOIN users u ON u.id = t.requested_by LEFT JOIN orgs uo ON uo.id = u.org_id
UNION ALL
SELECT t.id, CASE t.status WHEN 'accepted' THEN 'accept' WHEN 'rejected' THEN 'reject' ELSE 'withdraw' END, 'pending',
  CASE t.status WHEN 'cancelled' THEN 'withdrawn' ELSE t.status END,
  t.decided_by, left(coalesce(u.display_name, u.username, '系统'), 50), uo.name, NULL, coalesce(t.decided_at, t.created_at)
FROM member_transfers t LEFT JOIN users u ON u.id = t.decided_by LEFT JOIN orgs uo ON uo.id = u.org_id
WHERE t.status <> 'pending'
ORDER BY 1, 9;
--> statement-breakpoint
INSERT INTO case_counters (type, year, last)
SELECT type, year, count(*) FROM cases WHERE type = 'member_transfer' GROUP BY type, year;
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('cases', 'id'), greatest(coalesce(max(id), 0), 1), max(id) IS NOT NULL) FROM cases;
--> statement-breakpoint
-- A case is seen from both sides: by the owner's subtree and by the target's (the receiving union of a transfer).
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS cases_scope ON cases;
--> statement-breakpoint
CREATE POLICY cases_scope ON cases USING (
  (org_path ~>=~ (SELECT app_scope_lo()) AND org_path ~<~ (SELECT app_scope_hi()))
  OR (target_org_path ~>=~ (SELECT app_scope_lo()) AND target_org_path ~<~ (SELECT app_scope_hi())));
--> statement-breakpoint
ALTER TABLE case_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS case_steps_scope ON case_steps;
--> statement-breakpoint
CREATE POLICY case_steps_scope ON case_steps USING ((SELECT app_scope_system()) OR EXISTS (SELECT 1 FROM cases c WHERE c.id = case_steps.case_id));
--> statement-breakpoint
-- 2026: 国务院办公厅关于2026年部分节假日安排的通知（published 2025-11-04), as published by Xinhua:
-- 元旦 1/1–1/3 (1/4 Sunday worked), 春节 2/15–2/23 (2/14 and 2/28 worked), 清明 4/4–4/6, 劳动节 5/1–5/5 (5/9 worked),
-- 端午 6/19–6/21, 中秋 9/25–9/27, 国庆 10/1–10/7 (9/20 and 10/10 worked).
INSERT INTO calendar_days (date, kind, name) VALUES
  ('2026-01-01', 'holiday', '元旦'),
  ('2026-01-02', 'holiday', '元旦'),
  ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休'),
  ('2026-02-14', 'workday', '春节调休'),
  ('2026-02-15', 'holiday', '春节'),
  ('2026-02-16', 'holiday', '春节'),
  ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'),
  ('2026-02-19', 'holiday', '春节'),
  ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'),
  ('2026-02-22', 'holiday', '春节'),
  ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休'),
  ('2026-04-04', 'holiday', '清明节'),
  ('2026-04-05', 'holiday', '清明节'),
  ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'),
  ('2026-05-02', 'holiday', '劳动节'),
  ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'),
  ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休'),
  ('2026-06-19', 'holiday', '端午节'),
  ('2026-06-20', 'holiday', '端午节'),
  ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休'),
  ('2026-09-25', 'holiday', '中秋节'),
  ('2026-09-26', 'holiday', '中秋节'),
  ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'),
  ('2026-10-02', 'holiday', '国庆节'),
  ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'),
  ('2026-10-05', 'holiday', '国庆节'),
  ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休')
ON CONFLICT (date) DO NOTHING;
--> statement-breakpoint
-- 2027 is PROVISIONAL: only the fixed-date statutory holidays (元旦 1 day, 劳动节 2 days, 国庆节 3 days, per the 2024
-- revision of the national holidays regulation); the lunar holidays and the 调休 days come with the State Council's
-- notice, which a system admin enters through PUT /api/v1/calendar/2027 (that clears the provisional flag).
INSERT INTO calendar_days (date, kind, name) VALUES
  ('2027-01-01', 'holiday', '元旦'),
  ('2027-05-01', 'holiday', '劳动节'),
  ('2027-05-02', 'holiday', '劳动节'),
  ('2027-10-01', 'holiday', '国庆节'),
  ('2027-10-02', 'holiday', '国庆节'),
  ('2027-10-03', 'holiday', '国庆节')
ON CONFLICT (date) DO NOTHING;
--> statement-breakpoint
INSERT INTO calendar_years (year, provisional) VALUES (2026, false), (2027, true) ON CONFLICT (year) DO NOTHING;
