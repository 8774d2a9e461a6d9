-- Plans on the wire (migration 20261203000004, docs/plans.md): plan and objective rows in
-- sync_pull for whoever may read them, never pushed; entries only for the plan in force on their
-- Rome day, on the per-mutation path and the fast path alike.
begin;
select plan(21);
\ir support/fixtures.psql
select * from tests.create_cast() \gset

create function pg_temp.change(changes jsonb, entity text, id text) returns jsonb language sql
as $$ select c from jsonb_array_elements(changes) c where c ->> 'entity' = entity and c ->> 'id' = id $$;
create function pg_temp.entry_at(objective text, occurred_at text, id uuid default gen_random_uuid()) returns jsonb language sql
as $$ select jsonb_set(tests.new_entry(id, objective, 'patrol', tests.patrol()), '{data,occurredAt}', to_jsonb(occurred_at)) $$;
grant execute on all functions in schema pg_temp to authenticated;

select tests.act_as(:'officer');
select tests.pull_all() as officer_changes \gset
select is(pg_temp.change(:'officer_changes', 'plan', 'test-plan') -> 'row',
  jsonb_build_object('id', 'test-plan', 'municipalityId', 'pisogne', 'municipality', 'Comune di Pisogne', 'istatCode', '017143',
    'title', 'Piano di prova', 'startYear', 2023, 'endYear', 2025, 'approvedBy', 'test', 'status', 'adopted',
    'adoptedOn', '2026-01-01', 'inForceFrom', '2026-01-01', 'inForceUntil', null,
    'areas', (select jsonb_agg(jsonb_build_object('id', a.area_id, 'nameIt', a.name_it, 'nameEn', a.name_en, 'position', a.position)
                               order by a.position) from public.plan_areas a where a.plan_id = 'test-plan')),
  'an officer pulls the plan in force with its municipality and its areas');
select is(pg_temp.change(:'officer_changes', 'objective', 'test-signage') -> 'row',
  (select jsonb_build_object('id', o.id, 'planId', 'test-plan', 'areaId', 'territorio', 'position', 2,
     'contributingAreas', jsonb_build_array('polizia_locale'), 'title', o.title, 'responsabile', '', 'stakeholder', '',
     'contributors', '', 'timeframe', '', 'measurement', '', 'baselineText', '', 'expectedTarget', '', 'dataSource', '',
     'indicator', o.indicator, 'continuesObjectiveId', null) from public.objectives o where o.id = 'test-signage'),
  'and every objective of it, of any area, as the Objective type');
select is(tests.push(tests.mutation('objective', 'update', 'test-patrols', 1, '{"expectedTarget": "nessuno"}')) ->> 'code',
  'unknown_entity', 'an objective is never pushed');
select is(tests.push(tests.mutation('plan', 'insert', 'piano-abusivo', 0, '{"title": "x"}')) ->> 'code',
  'unknown_entity', 'nor is a plan');

-- A draft is pulled by admins only, tombstones included.
select tests.act_as(:'admin');
select public.import_plan(tests.plan_file('test-2027', 2027, jsonb_build_array(
  tests.plan_objective('t27-pattuglie', 'test-2027', 'polizia_locale', 1, '{}', 'test-patrols'),
  tests.plan_objective('t27-ritirato', 'test-2027', 'polizia_locale', 2)))) ->> 'status';
select public.import_plan(tests.plan_file('test-2027', 2027, jsonb_build_array(
  tests.plan_objective('t27-pattuglie', 'test-2027', 'polizia_locale', 1, '{}', 'test-patrols')))) ->> 'status';
select tests.pull_all() as admin_changes \gset
select results_eq(format($$select c ->> 'entity', c ->> 'id', (c ->> 'deleted')::boolean, c -> 'row' = 'null'
                           from jsonb_array_elements(%L::jsonb) c where c ->> 'id' like 't27-%%' or c ->> 'id' = 'test-2027'
                           order by 2$$, :'admin_changes'),
  $$values ('objective'::text, 't27-pattuglie'::text, false, false), ('objective', 't27-ritirato', true, true), ('plan', 'test-2027', false, false)$$,
  'an admin pulls the draft, and the objective the second import dropped as a tombstone');
select is(pg_temp.change(:'admin_changes', 'objective', 't27-pattuglie') #>> '{row,continuesObjectiveId}', 'test-patrols',
  'with the objective it continues');
select tests.act_as(:'officer');
select is((select count(*)::int from jsonb_array_elements(tests.pull_all()) c where c ->> 'id' like 't27-%' or c ->> 'id' = 'test-2027'), 0,
  'an officer pulls nothing of the draft');
select is(tests.push(tests.new_entry('00000000-0000-4000-8000-0000000031a1', 't27-pattuglie', 'patrol', tests.patrol())) ->> 'code',
  'objective_not_in_force', 'nor logs an entry for its objective');

-- Adopted from 1 January 2027: pulled by everybody, with new versions.
select tests.act_as_owner();
select version as draft_version from public.objectives where id = 't27-pattuglie' \gset
select tests.act_as(:'admin');
select public.adopt_plan('test-2027', 'Delibera G.C. n. 3 del 10.01.2027', '2027-01-10', confirm => true) ->> 'status';
select tests.act_as(:'officer');
select tests.pull_all() as adopted_changes \gset
select results_eq(format($$select c #>> '{row,status}', (c ->> 'version')::int > %s
                           from jsonb_array_elements(%L::jsonb) c where c ->> 'id' in ('test-2027', 't27-pattuglie') order by c ->> 'entity'$$,
                         :draft_version, :'adopted_changes'),
  $$values (null::text, true), ('adopted', true)$$, 'the officer now pulls the adopted plan and its objective, each with a new version');
select is(pg_temp.change(:'adopted_changes', 'plan', 'test-plan') #>> '{row,inForceUntil}', '2026-12-31',
  'and the superseded plan with its last day');

-- Entries count towards the plan in force on their Rome day.
select is(tests.push(pg_temp.entry_at('test-patrols', '2026-12-31T22:59:59Z')) ->> 'status', 'applied',
  'a patrol at 23:59 on 31 December 2026 in Rome counts towards the 2026 plan');
select is(tests.push(pg_temp.entry_at('test-patrols', '2026-12-31T23:00:00Z')) ->> 'code', 'objective_not_in_force',
  'at midnight in Rome (23:00 UTC) that plan is no longer in force');
select is(tests.push(pg_temp.entry_at('t27-pattuglie', '2026-12-31T23:00:00Z')) ->> 'status', 'applied',
  'and the 2027 plan is');
select is(tests.push(pg_temp.entry_at('t27-pattuglie', '2026-12-31T22:59:59Z')) ->> 'code', 'objective_not_in_force',
  'which was not in force the second before');
select is(tests.push(pg_temp.entry_at('test-patrols', '2025-12-31T12:00:00Z')) ->> 'code', 'objective_not_in_force',
  'nor was the 2026 plan before it started');

-- The fast path: a batch of fresh entries, one of them out of force.
select results_eq($$select r ->> 'status', r ->> 'code' from jsonb_array_elements(public.sync_push(jsonb_build_array(
                      pg_temp.entry_at('t27-pattuglie', '2027-02-01T08:00:00Z'),
                      pg_temp.entry_at('test-patrols', '2027-02-01T08:00:00Z'),
                      pg_temp.entry_at('t27-pattuglie', '2027-02-02T08:00:00Z')))) with ordinality x (r, n) order by n$$,
  $$values ('applied'::text, null::text), ('rejected', 'objective_not_in_force'), ('applied', null)$$,
  'a batch applies the entries in force and rejects the other with its code');

-- Moving a stored entry to another day or objective is checked again; other edits are not.
select is(tests.push(pg_temp.entry_at('test-patrols', '2026-06-01T08:00:00Z', '00000000-0000-4000-8000-0000000031b1')) ->> 'status',
  'applied', 'an entry of June 2026');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-0000000031b1', 1, '{"occurredAt": "2027-06-01T08:00:00Z"}')) ->> 'code',
  'objective_not_in_force', 'cannot move to a day its objective''s plan is no longer in force');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-0000000031b1', 1, '{"objectiveId": "t27-pattuglie"}')) ->> 'code',
  'objective_not_in_force', 'nor to an objective of a plan not in force on its day');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-0000000031b1', 1,
                                    jsonb_build_object('payload', tests.patrol('{"zone": "Lungolago"}')))) ->> 'status',
  'applied', 'but its author still corrects it after its plan was superseded');
select is(tests.push(tests.mutation('entry', 'update', '00000000-0000-4000-8000-0000000031b1', 2, '{"occurredAt": "2026-06-02T08:00:00Z"}')) ->> 'status',
  'applied', 'and moves it to another day the plan was in force');

select * from finish();
rollback;
