-- Work orders (issue 13): who triages, who works, what a worker sees, the per-field rule when two
-- people act offline, the objective's count without declined reports, and the reporter's contact.
begin;
select plan(47);
\ir support/fixtures.psql

select * from tests.create_cast() \gset
select tests.create_user('roadcrew2@test.it', 'worker', 'territorio') as worker2 \gset
select tests.create_user('urp@test.it', 'staff', 'territorio') as works_staff \gset
set constraints entries_40_month_stats, private.month_stats_pending_apply immediate;

\set r1 '00000000-0000-4000-8000-00000000a001'
\set r2 '00000000-0000-4000-8000-00000000a002'
\set r3 '00000000-0000-4000-8000-00000000a003'

-- A work-order mutation by the signed-in user; its answer.
create function pg_temp.order_change(op text, report text, base int, data jsonb) returns jsonb language sql
as $$ select tests.push(tests.mutation('work_order', op, report, base, data)) $$;
create function pg_temp.report_change(report text, base int, data jsonb) returns jsonb language sql
as $$ select tests.push(tests.mutation('entry', 'update', report, base, data)) $$;
create function pg_temp.answer(a jsonb) returns text language sql
as $$ select a ->> 'status' || coalesce(':' || (a ->> 'code'), '') $$;
grant execute on all functions in schema pg_temp to authenticated;

-- Intake: an officer logs three reports a citizen phoned in.
select tests.act_as(:'officer');
select is(pg_temp.answer(tests.push(tests.new_entry(:'r1', 'test-signage', 'maintenance_report', tests.report('{"channel": "phone"}'), 'open'))),
  'applied', 'an officer logs a report with the channel it came by');
select tests.push(tests.new_entry(:'r2', 'test-signage', 'maintenance_report', tests.report('{"channel": "email_pec"}'), 'open'));
select tests.push(tests.new_entry(:'r3', 'test-signage', 'maintenance_report', tests.report(), 'open'));
select is(pg_temp.answer(tests.push(tests.new_entry(gen_random_uuid(), 'test-signage', 'maintenance_report', tests.report('{"channel": "fax"}'), 'open'))),
  'rejected:invalid_payload', 'a channel that is not phone, e-mail/PEC, in person or field is refused');

-- Triage is the manager's.
select is(pg_temp.answer(pg_temp.order_change('insert', :'r1', 0, jsonb_build_object('assignees', jsonb_build_array(:'worker')))),
  'rejected:not_manager', 'the officer who logged it does not assign it');
select tests.act_as(:'police_manager');
select is(pg_temp.answer(pg_temp.order_change('insert', :'r1', 0, jsonb_build_object('assignees', jsonb_build_array(:'worker')))),
  'rejected:not_manager', 'nor does the manager of a contributing area');
select tests.act_as(:'works_manager');
select is(pg_temp.answer(pg_temp.order_change('insert', :'r1', 0, jsonb_build_object('assignees', jsonb_build_array(:'finance')))),
  'rejected:assignee_outside_area', 'the manager cannot assign it to someone outside the area');
select is(pg_temp.answer(pg_temp.order_change('insert', :'r1', 0, '{"dueOn": "2026-11-19"}')),
  'rejected:due_before_report', 'nor set a due date before the report');
select is(pg_temp.answer(pg_temp.order_change('insert', :'r1', 0, '{"declineReason": "duplicate"}')),
  'rejected:invalid_payload', 'nor decline it as a duplicate without its original');
select is(pg_temp.answer(pg_temp.order_change('insert', gen_random_uuid()::text, 0, '{"priority": "high"}')),
  'rejected:not_found', 'a work order belongs to an existing report');
select is(pg_temp.answer(pg_temp.order_change('insert', :'r1', 0, jsonb_build_object('assignees', jsonb_build_array(:'worker'), 'priority', 'high', 'dueOn', '2026-11-25'))),
  'applied', 'the manager assigns it to a worker of the area, with a priority and a due date');
select tests.act_as_owner();
select is((select count(*)::int from public.entries e where e.id = :'r1' and e.decline_reason is null), 1, 'a refused triage changed nothing');

-- What the worker sees and may change.
select tests.act_as(:'worker');
select is((select c #>> '{row,priority}' from jsonb_array_elements(tests.pull_all()) c where c ->> 'entity' = 'work_order' and c ->> 'id' = :'r1'),
  'high', 'the worker pulls the order assigned to them');
select tests.act_as(:'finance');
select is((select count(*)::int from jsonb_array_elements(tests.pull_all()) c where c ->> 'entity' = 'work_order'), 0,
  'someone outside the area pulls no work order');
select tests.act_as(:'worker2');
select is(pg_temp.answer(pg_temp.report_change(:'r1', 1, '{"status": "in_progress"}')), 'rejected:forbidden',
  'a worker cannot start a report assigned to someone else');
select is(pg_temp.answer(pg_temp.report_change(:'r2', 1, '{"status": "in_progress"}')), 'rejected:forbidden',
  'nor a report assigned to nobody, as before work orders');
select tests.act_as(:'officer');
select is(pg_temp.answer(pg_temp.report_change(:'r1', 1, jsonb_build_object('status', 'resolved', 'payload', tests.report('{"channel": "phone", "resolvedAt": "2026-11-21T08:00:00Z"}')))),
  'rejected:not_assignee', 'once assigned, its author does not resolve it');
select tests.act_as(:'works_manager');
select is(pg_temp.answer(pg_temp.report_change(:'r1', 1, '{"status": "resolved"}')), 'rejected:not_assignee',
  'nor does the manager: resolving someone else''s order is refused');
select tests.act_as(:'worker');
select is(pg_temp.answer(pg_temp.report_change(:'r1', 1, '{"status": "in_progress"}')), 'applied', 'the assignee starts it');
select is(pg_temp.answer(pg_temp.order_change('update', :'r1', 1, '{"priority": "low"}')), 'rejected:not_manager',
  'the assignee does not change its priority');
select is(pg_temp.answer(pg_temp.report_change(:'r1', 2, jsonb_build_object('payload', tests.report('{"channel": "phone", "description": "Altro"}')))),
  'rejected:forbidden', 'nor the report''s content');
select is(pg_temp.answer(pg_temp.order_change('update', :'r1', 1, '{"assignees": []}')), 'rejected:reason_required',
  'a hand-back needs a reason');
select is(pg_temp.answer(pg_temp.order_change('update', :'r1', 1, jsonb_build_object('assignees', jsonb_build_array(:'worker2'), 'handBackReason', 'Non posso'))),
  'rejected:not_manager', 'handing back is taking oneself off, not passing the order to someone else');

-- Offline, the manager reassigns it to worker2 while the worker hands it back: the manager's
-- assignment stands, whichever reaches the server first; the hand-back is kept in the history.
select tests.act_as(:'works_manager');
select is(pg_temp.answer(pg_temp.order_change('update', :'r1', 1, jsonb_build_object('assignees', jsonb_build_array(:'worker', :'worker2')))),
  'applied', 'the manager adds worker2 to the order');
select tests.act_as(:'worker');
select is(pg_temp.answer(pg_temp.order_change('update', :'r1', 1, '{"assignees": [], "handBackReason": "Serve un cestello"}')),
  'conflict', 'the worker''s late hand-back loses to the manager''s assignment');
select tests.act_as_owner();
select is((select assignees from public.work_orders where id = :'r1'), array[:'worker', :'worker2']::uuid[],
  'the assignment is the manager''s');
select is((select array_agg(field order by field) from public.entry_history
           where entry_id = :'r1' and reason = 'conflict_lost' and changed_by = :'worker'),
  array['workOrder.assignees', 'workOrder.handBackReason'], 'the hand-back and its reason are kept in the history as the values that lost');

-- The reverse order: a hand-back already stored, then the manager's late reassignment wins.
select tests.act_as(:'worker2');
select is(pg_temp.answer(pg_temp.order_change('update', :'r1', 2, jsonb_build_object('assignees', jsonb_build_array(:'worker'), 'handBackReason', 'Ferie'))),
  'applied', 'worker2 hands the order back, staying off it');
select tests.act_as(:'works_manager');
select is(pg_temp.answer(pg_temp.order_change('update', :'r1', 2, jsonb_build_object('assignees', jsonb_build_array(:'worker', :'worker2')))),
  'applied', 'the manager''s late assignment replaces the stored hand-back');

-- The work status is the assignees': between two of a team the step further along wins.
select tests.act_as(:'worker2');
select is(pg_temp.answer(pg_temp.report_change(:'r1', 2, jsonb_build_object('status', 'resolved', 'payload', tests.report('{"channel": "phone", "resolvedAt": "2026-11-22T08:00:00Z"}')))),
  'applied', 'worker2 resolves it');
select tests.act_as(:'worker');
select is(pg_temp.answer(pg_temp.report_change(:'r1', 2, '{"status": "open"}')), 'conflict',
  'the worker''s late "open" loses to the resolution');
select tests.act_as_owner();
select is((select status from public.entries where id = :'r1'), 'resolved', 'the report stays resolved');
select tests.act_as(:'works_manager');
select is(pg_temp.answer(pg_temp.order_change('update', :'r1', 4, jsonb_build_object('assignees', jsonb_build_array(:'worker')))),
  'rejected:order_closed', 'a resolved report is not assigned again');

-- An assignee beats a non-owner on the work status even with a step back: the officer who logged
-- r3 started it before it was assigned; the worker, who had seen it open, says it is not started.
select tests.act_as(:'officer');
select pg_temp.report_change(:'r3', 1, '{"status": "in_progress"}');
select tests.act_as(:'works_manager');
select pg_temp.order_change('insert', :'r3', 0, jsonb_build_object('assignees', jsonb_build_array(:'worker')));
select tests.act_as(:'worker');
select is(pg_temp.answer(pg_temp.report_change(:'r3', 1, '{"status": "open"}')), 'applied', 'the assignee''s late status wins');
select tests.act_as_owner();
select is((select status from public.entries where id = :'r3'), 'open', 'and is the one stored');

-- The last assignee to hand an order back reopens the report.
select tests.act_as(:'worker');
select pg_temp.report_change(:'r3', 3, '{"status": "in_progress"}');
select is(pg_temp.answer(pg_temp.order_change('update', :'r3', 1, '{"assignees": [], "handBackReason": "Manca il materiale"}')), 'applied',
  'the worker hands r3 back');
select tests.act_as_owner();
select is((select (w.handed_back_by, e.status)::text from public.work_orders w join public.entries e using (id) where id = :'r3'),
  format('(%s,open)', :'worker'), 'r3 is back in the queue, open, saying who handed it back');

-- Counting: a duplicate leaves the objective's figures and counts through its original.
select tests.act_as(:'works_manager');
select (p ->> 'reports')::int as reports_before from jsonb_array_elements(public.objective_progress('territorio')) p
where p ->> 'objectiveId' = 'test-signage' \gset
select is(pg_temp.answer(pg_temp.order_change('insert', :'r2', 0, jsonb_build_object('declineReason', 'duplicate', 'duplicateOf', :'r1'))),
  'applied', 'the manager declines r2 as a duplicate of r1');
select is((select (p ->> 'reports')::int from jsonb_array_elements(public.objective_progress('territorio')) p where p ->> 'objectiveId' = 'test-signage'),
  :reports_before - 1, 'the duplicate is out of the objective''s reports');
select is(pg_temp.answer(pg_temp.order_change('update', :'r2', 1, jsonb_build_object('assignees', jsonb_build_array(:'worker')))),
  'rejected:order_closed', 'a declined report is not assigned');
select tests.act_as(:'officer');
select is(pg_temp.answer(pg_temp.report_change(:'r2', 1, '{"status": "in_progress"}')), 'rejected:order_closed',
  'nor worked on, by its author either');

-- The reporter's contact: written by the author, read only by staff and managers of the area.
select tests.act_as(:'officer');
select public.save_report_contact(:'r1', '{"name": "Maria Rossi", "phone": "+39 333 1234567"}');
select is(public.report_contact(:'r1'), null, 'the officer who took the call does not read the contact back');
select throws_ok(format($$select public.save_report_contact(%L, '{"note": "richiamare"}')$$, :'r1'), 'SC001', 'contact_required',
  'a contact needs a name, a phone number or an e-mail address');
select tests.act_as(:'works_staff');
select is(public.report_contact(:'r1') ->> 'phone', '+39 333 1234567', 'staff of the area read it');
select tests.act_as(:'works_manager');
select is(public.report_contact(:'r1') ->> 'name', 'Maria Rossi', 'the area manager reads it');
select tests.act_as(:'worker');
select is(public.report_contact(:'r1'), null, 'the assigned worker does not');
select throws_ok(format($$select public.save_report_contact(%L, '{"name": "X"}')$$, :'r1'), 'SC001', 'forbidden',
  'nor writes it');
select tests.act_as(:'works_manager');
select ok(strpos(tests.pull_all()::text || public.entry_changes(:'r1')::text, '1234567') = 0,
  'the contact is in no pull and no history, even for the manager who may read it');
select tests.act_as(:'police_manager');
select is(public.report_contact(:'r1'), null, 'the manager of a contributing area does not read it');

select * from finish();
rollback;
