-- "Fixed within N days" on the Europe/Rome calendar, as the app counts it (src/domain/report-age.ts,
-- src/domain/work-orders/clock.ts): the day of the report is day 0, a report resolved at any time
-- of day N is on time. 20261126000022 counted 24-hour blocks, so a report taken in the morning
-- and fixed in the evening of day 8 was late on the server and on time in the app, and across the
-- spring DST change a fix just after midnight of day 9 was on time. rome_day does not depend on
-- the session's time zone, so a stored figure still does not depend on the writer's.
create or replace function private.report_fixed_within(status text, payload jsonb, days int) returns boolean
language sql immutable
as $$
  select coalesce(status = 'resolved' and private.rome_day((payload ->> 'resolvedAt')::timestamptz)
                    - private.rome_day((payload ->> 'reportedAt')::timestamptz) <= days, false)
$$;

select private.rebuild_objective_month_stats();
