-- Plans as server data (docs/plans.md): the seeded plan, who may import, adopt and delete plans,
-- what a draft shows to whom, the server's checks of a file, adoption, supersession and the one
-- plan in force on every day (migrations 20261203000001–3).
begin;
select plan(50);

-- The seed loads Pisogne 2023–2025 through import_plan and adopt_plan (checked before the
-- fixtures, which supersede it for the tests' own plan).
select results_eq($$select p.municipality_id, m.istat_code, p.status, p.adopted_on, p.in_force_from, p.in_force_until
                    from public.plans p join public.municipalities m on m.id = p.municipality_id where p.id = 'pisogne-2023-2025'$$,
  $$values ('pisogne'::text, '017143'::text, 'adopted'::text, '2023-03-15'::date, '2023-01-01'::date, null::date)$$,
  'the seeded Pisogne plan is adopted, in force from 1 January 2023 with no end');
select results_eq($$select (select count(*)::int from public.objectives where plan_id = 'pisogne-2023-2025' and not deleted),
                           (select count(*)::int from public.plan_areas where plan_id = 'pisogne-2023-2025')$$,
  $$values (29, 6)$$, 'with its 29 objectives and 6 areas');

\ir support/fixtures.psql
select * from tests.create_cast() \gset
select tests.plan_file('test-2027', 2027, jsonb_build_array(
  tests.plan_objective('t27-pattuglie', 'test-2027', 'polizia_locale', 1, '{protezione_civile}', 'test-patrols'),
  tests.plan_objective('t27-allerta', 'test-2027', 'protezione_civile', 1))) as file_2027 \gset

-- Rights: only an admin (and the database owner, as the seed is) changes plans.
select tests.act_as(:'officer');
select throws_ok(format('select public.import_plan(%L)', :'file_2027'), '42501', 'forbidden', 'an officer cannot import a plan');
select throws_ok($$select public.adopt_plan('test-plan', 'x', '2026-01-01')$$, '42501', 'forbidden', 'nor adopt one');
select throws_ok($$select public.delete_plan_draft('test-plan')$$, '42501', 'forbidden', 'nor delete one');
select tests.act_as(:'worker');
select throws_ok(format('select public.import_plan(%L)', :'file_2027'), '42501', 'forbidden', 'a road worker cannot import a plan');
select tests.act_as(:'finance');
select throws_ok(format('select public.import_plan(%L)', :'file_2027'), '42501', 'forbidden', 'office staff cannot import a plan');
select tests.act_as(:'police_manager');
select throws_ok(format('select public.import_plan(%L)', :'file_2027'), '42501', 'forbidden', 'an area manager cannot import a plan');
select throws_ok($$select public.adopt_plan('test-plan', 'x', '2026-01-01')$$, '42501', 'forbidden', 'nor adopt one');
select tests.act_as_anon();
select throws_ok(format('select public.import_plan(%L)', :'file_2027'), '42501', null, 'anon cannot call import_plan');
select throws_ok($$select public.adopt_plan('test-plan', 'x', '2026-01-01')$$, '42501', null, 'nor adopt_plan');
select throws_ok($$select public.delete_plan_draft('test-plan')$$, '42501', null, 'nor delete_plan_draft');
select tests.act_as_owner();
select is((select count(*)::int from public.plans where id = 'test-2027'), 0, 'none of the refused calls left a plan');

select tests.act_as(:'admin');
select is(public.import_plan(:'file_2027'), '{"status": "imported", "planId": "test-2027", "objectives": 2}',
  'an admin imports the 2027 plan as a draft');

-- A draft is the admins' alone.
select results_eq($$select status, (select count(*)::int from public.objectives where plan_id = 'test-2027'),
                           (select count(*)::int from public.areas where id = 'protezione_civile') from public.plans where id = 'test-2027'$$,
  $$values ('draft'::text, 2, 1)$$, 'the admin reads the draft, its objectives and its new area');
select tests.act_as(:'police_manager');
select results_eq($$select (select count(*)::int from public.plans where id = 'test-2027'),
                           (select count(*)::int from public.objectives where plan_id = 'test-2027'),
                           (select count(*)::int from public.plan_areas where plan_id = 'test-2027'),
                           (select count(*)::int from public.areas where id = 'protezione_civile')$$,
  $$values (0, 0, 0, 0)$$, 'a manager reads nothing of it, not even the new area');
select is((select count(*)::int from public.objectives where plan_id = 'test-plan'), 5, 'but reads the objectives of the plan in force');
select tests.act_as(:'officer');
select is((select count(*)::int from public.plans where id = 'test-2027'), 0, 'an officer does not read the draft either');

-- The server's own checks: a bad file changes nothing.
select tests.act_as(:'admin');
select is(public.import_plan(jsonb_set(:'file_2027'::jsonb, '{objectives,1,indicator,kind}', '"percentuale"')) #> '{problems,0}',
  '{"code": "invalid_field", "subject": "objective \"t27-allerta\"", "path": "indicator.kind", "detail": "unknown indicator kind \"percentuale\""}',
  'an unknown indicator kind is named with its objective and field');
select is((select count(*)::int from public.objectives where plan_id = 'test-2027' and not deleted), 2,
  'and the draft keeps its two objectives');
select is(public.import_plan(tests.plan_file('test-2027', 2027, jsonb_build_array(
            tests.plan_objective('t27-pattuglie', 'test-2027', 'polizia_locale', 1, '{sociale}')))) -> 'problems',
  '[{"code": "unknown_area", "subject": "objective \"t27-pattuglie\"", "path": "contributingAreas.0", "detail": "area \"sociale\" is not in the catalogue"}]',
  'a contributing area the file does not list is refused');
select is(public.import_plan(tests.plan_file('test-2027', 2027, jsonb_build_array(
            tests.plan_objective('test-patrols', 'test-2027', 'polizia_locale', 1)))) -> 'problems',
  '[{"code": "id_in_other_plan", "subject": "objective \"test-patrols\"", "path": "id", "detail": "objective test-patrols belongs to plan test-plan"}]',
  'an objective id of another plan is refused');
select is(public.import_plan(tests.plan_file('test-2027', 2027, jsonb_build_array(
            tests.plan_objective('t27-pattuglie', 'test-2027', 'polizia_locale', 1, '{}', 'no-such-objective')))) #>> '{problems,0,code}',
  'unknown_objective', 'continuing an objective that does not exist is refused');
select is(public.import_plan(tests.plan_file('test-2027', 2027, jsonb_build_array(
            tests.plan_objective('t27-pattuglie', 'test-2027', 'polizia_locale', 1, '{}', 't27-allerta')))) #>> '{problems,0,code}',
  'unknown_objective', 'an objective cannot continue one of its own plan');
select is(public.import_plan(jsonb_set(:'file_2027'::jsonb, '{plan,municipality}', '"Comune di Brescia"')) -> 'problems' -> 0 ->> 'code',
  'unknown_municipality', 'a plan of another comune is refused');
select is(public.import_plan(tests.plan_file('test-plan', 2023, '[]')) -> 'problems',
  '[{"code": "plan_not_draft", "subject": "plan", "path": "id", "detail": "plan test-plan is adopted; a new version needs a new plan id"}]',
  'an adopted plan cannot be imported over');
select is(public.import_plan('{"plan": {}, "areas": [], "objectives": []}') #>> '{problems,0,subject}', 'plan',
  'a file without a plan header is refused');

-- Re-importing a draft replaces it: a dropped objective becomes a tombstone, the rest get new versions.
select tests.act_as_owner();
select version as draft_version from public.objectives where id = 't27-pattuglie' \gset
select tests.act_as(:'admin');
select is(public.import_plan(tests.plan_file('test-2027', 2027, jsonb_build_array(
            tests.plan_objective('t27-pattuglie', 'test-2027', 'polizia_locale', 2),
            tests.plan_objective('t27-nuovo', 'test-2027', 'polizia_locale', 1)))) ->> 'objectives',
  '2', 'the admin imports the draft again with another set of objectives');
select results_eq($$select id, deleted, position from public.objectives where plan_id = 'test-2027' order by id$$,
  $$values ('t27-allerta'::text, true, 1), ('t27-nuovo'::text, false, 1), ('t27-pattuglie'::text, false, 2)$$,
  'the dropped objective is a tombstone, the moved one takes its new place');
select ok((select version > :draft_version from public.objectives where id = 't27-pattuglie'),
  'and the kept objective has a new version for the pull');

-- Adoption: a preview first, then the plan in force from 1 January of its first year.
select is(public.adopt_plan('test-2027', 'Delibera G.C. n. 12 del 20.01.2027', '2027-01-20'),
  '{"status": "preview", "planId": "test-2027", "inForceFrom": "2027-01-01",
    "supersedes": [{"planId": "test-plan", "title": "Piano di prova", "inForceUntil": "2026-12-31"}]}',
  'the preview says which plan it supersedes and until when');
select is((select status from public.plans where id = 'test-2027'), 'draft', 'and changes nothing');
select is(public.adopt_plan('test-2027', ' ', '2027-01-20', confirm => true) ->> 'code', 'invalid_field', 'an empty act is refused');
select is(public.adopt_plan('no-such-plan', 'Delibera', '2027-01-20', confirm => true) ->> 'code', 'not_found', 'so is a plan that does not exist');
select is(public.adopt_plan('test-plan', 'Delibera', '2027-01-20', confirm => true) ->> 'code', 'plan_not_draft', 'and one already adopted');
select is(public.adopt_plan('test-2027', 'Delibera', '2027-01-20', '2026-01-01', confirm => true) ->> 'code',
  'starts_before_plan_in_force', 'a plan cannot start on or before the start of the plan in force');
select is(public.adopt_plan('test-2027', 'Delibera G.C. n. 12 del 20.01.2027', '2027-01-20', confirm => true) ->> 'status',
  'adopted', 'with confirm the admin adopts it');
select results_eq($$select id, status, approved_by, in_force_from, in_force_until from public.plans
                    where id in ('test-plan', 'test-2027') order by id$$,
  $$values ('test-2027'::text, 'adopted'::text, 'Delibera G.C. n. 12 del 20.01.2027'::text, '2027-01-01'::date, null::date),
           ('test-plan', 'superseded', 'test', '2026-01-01', '2026-12-31')$$,
  'the earlier plan ends the day before and is superseded; the act is recorded');
select tests.act_as(:'officer');
select is((select count(*)::int from public.objectives where plan_id = 'test-2027' and not deleted), 2,
  'every signed-in user now reads the adopted plan''s objectives');
select is((select count(*)::int from public.objectives where plan_id = 'test-plan'), 5,
  'and still reads those of the superseded plan');

-- A second draft adopted from a later day inside the current plan's years.
select tests.act_as(:'admin');
select is(public.import_plan(tests.plan_file('test-2028', 2028, jsonb_build_array(
            tests.plan_objective('t28-pattuglie', 'test-2028', 'polizia_locale', 1, '{}', 't27-pattuglie')))) ->> 'status',
  'imported', 'a draft may continue an objective of an earlier plan');
select is(public.adopt_plan('test-2028', 'Delibera', '2028-03-01', '2028-03-01', confirm => true) #>> '{supersedes,0,inForceUntil}',
  '2028-02-29', 'adopted from 1 March 2028, it supersedes the 2027 plan from that day');
select tests.act_as_owner();
select is((select count(*)::int from generate_series('2023-01-01'::date, '2031-12-31', '1 day') d (day)
           where (select count(*) from public.plans p
                  where p.status <> 'draft' and d.day between p.in_force_from and coalesce(p.in_force_until, 'infinity')) <> 1),
  0, 'from the first plan''s start on, exactly one plan is in force on every day');
select is((select count(*)::int from public.plans p where p.status <> 'draft' and '2022-12-31' >= p.in_force_from), 0,
  'and none before it');
select throws_ok($$update public.plans set in_force_until = null where id = 'test-2027'$$, '23P01', null,
  'the database itself refuses two plans in force on one day');

-- Deleting a draft.
select tests.act_as(:'admin');
select is(public.import_plan(tests.plan_file('test-bozza', 2029, jsonb_build_array(
            tests.plan_objective('tb-pattuglie', 'test-bozza', 'polizia_locale', 1)))) ->> 'status', 'imported', 'a new draft');
select is(public.delete_plan_draft('test-bozza'), '{"status": "deleted", "planId": "test-bozza", "objectives": 1}',
  'is deleted by the admin');
select results_eq($$select (select deleted from public.plans where id = 'test-bozza'), (select deleted from public.objectives where id = 'tb-pattuglie')$$,
  $$values (true, true)$$, 'leaving tombstones for the pull');
select is(public.delete_plan_draft('test-2027') ->> 'code', 'plan_not_draft', 'an adopted plan is never deleted');
select is(public.adopt_plan('test-bozza', 'Delibera', '2029-01-10', confirm => true) ->> 'code', 'not_found', 'nor is a deleted draft adopted');

select * from finish();
rollback;
