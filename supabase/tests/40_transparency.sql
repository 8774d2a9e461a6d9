-- The public transparency page (docs/transparency.md, migration 20261203300001): who publishes a
-- snapshot, what a refusal looks like, that a published snapshot never changes, what anon reads,
-- and that nothing personal is published.
begin;
select plan(38);

\ir support/fixtures.psql
select * from tests.create_cast() \gset

-- Figures for every objective of the tests' plan, as the admin's dashboard computes them.
create function tests.figures(status text default 'on_track') returns jsonb language sql stable
as $$
  select jsonb_agg(jsonb_build_object('objectiveId', o.id, 'value', 12, 'target', 70, 'unit', 'pattuglie', 'status', status) order by o.id)
  from public.objectives o where o.plan_id = 'test-plan' and not o.deleted
$$;
grant execute on function tests.figures(text) to authenticated, anon;

-- Field data full of what must never be published: a crew, a zone, a place, a reporter's note.
select tests.act_as(:'officer');
select tests.push(tests.new_entry('00000000-0000-4000-8000-0000000004a1', 'test-patrols', 'patrol', tests.patrol()));
select tests.act_as(:'worker');
select tests.push(tests.new_entry('00000000-0000-4000-8000-0000000004a2', 'test-signage', 'maintenance_report', tests.report(), 'open'));
select tests.act_as_owner();
insert into public.objective_settings (id, target, note) values ('test-patrols', 70, 'Pattuglie serali raddoppiate da ottobre.');

-- Rights: only an admin publishes.
select tests.act_as_anon();
select throws_ok($$select public.publish_snapshot('2026-11-30', tests.figures())$$, '42501', null, 'anon cannot publish');
select tests.act_as(:'officer');
select throws_ok($$select public.publish_snapshot('2026-11-30', tests.figures())$$, '42501', 'forbidden', 'an officer cannot publish');
select tests.act_as(:'police_manager');
select throws_ok($$select public.publish_snapshot('2026-11-30', tests.figures())$$, '42501', 'forbidden', 'an area manager cannot publish');
select tests.act_as(:'finance');
select throws_ok($$select public.publish_snapshot('2026-11-30', tests.figures())$$, '42501', 'forbidden', 'office staff cannot publish');
select tests.act_as_owner();
select is((select count(*)::int from public.published_snapshots), 0, 'the refused calls published nothing');

select tests.act_as(:'admin');
select public.publish_snapshot('2026-11-30', tests.figures()) as first \gset
select is(:'first'::jsonb ->> 'status', 'published', 'an admin publishes the plan in force on 30 November 2026');
select is(:'first'::jsonb ->> 'asOf', '2026-11-30', 'dated as asked');

select tests.act_as_owner();
select results_eq($$select plan_id, as_of, published_by from public.published_snapshots$$,
  format($$values ('test-plan'::text, '2026-11-30'::date, %L::uuid)$$, :'admin'),
  'the snapshot is of the plan in force that day and records who published it');
select * from (select body as first_body from public.published_snapshots) b \gset
select is(:'first_body'::jsonb -> 'municipality', '{"name": "Comune di Pisogne", "istatCode": "017143"}',
  'the body names the comune and its ISTAT code');
select is(:'first_body'::jsonb #>> '{plan,title}', 'Piano di prova', 'and the plan');
select is(array(select o ->> 'id' from jsonb_array_elements(:'first_body'::jsonb -> 'objectives') o),
  array['test-transparency', 'test-taxes', 'test-snow', 'test-signage', 'test-patrols'],
  'every objective of the plan, in the order of its areas and positions');
select is(jsonb_path_query_first(:'first_body'::jsonb, '$.objectives[*] ? (@.id == "test-patrols")'),
  '{"id": "test-patrols", "areaId": "polizia_locale", "areaName": "Area polizia locale", "position": 1, "title": "test-patrols",
    "expectedTarget": "", "value": 12, "target": 70, "unit": "pattuglie", "status": "on_track",
    "note": "Pattuglie serali raddoppiate da ottobre."}',
  'per objective its area, text, target, value, status and the manager''s note');

-- Nothing personal: only the keys above, and none of the field data.
select is(array(select distinct k from jsonb_object_keys(:'first_body'::jsonb) k order by k),
  array['areas', 'asOf', 'municipality', 'objectives', 'plan', 'year'], 'the body holds the plan''s figures only');
select is(array(select distinct k from jsonb_array_elements(:'first_body'::jsonb -> 'objectives') o, jsonb_object_keys(o) k order by k),
  array['areaId', 'areaName', 'expectedTarget', 'id', 'note', 'position', 'status', 'target', 'title', 'unit', 'value'],
  'an objective holds no author, entry, place or time');
select is(array(select distinct k from jsonb_object_keys(:'first_body'::jsonb -> 'plan') k order by k),
  array['adoptedBy', 'endYear', 'id', 'inForceFrom', 'startYear', 'title'], 'the plan holds no responsible person');
select ok(:'first_body' !~* ('Bianchi|Rota|Centro|Via Roma|Cartello|@test\.it|' || :'admin' || '|' || :'officer'),
  'no crew, zone, place, report text, e-mail or user id appears in it');

-- Bad input: a clear refusal, nothing published.
select tests.act_as(:'admin');
select is(public.publish_snapshot((now() at time zone 'Europe/Rome')::date + 1, tests.figures()) ->> 'code', 'future_date',
  'a snapshot of a day to come is refused');
select is(public.publish_snapshot('2022-06-30', tests.figures()),
  '{"status": "refused", "code": "no_plan_in_force", "detail": "no plan is in force on 2022-06-30"}',
  'a date with no plan in force is refused');
select tests.act_as_owner();
insert into public.plans (id, municipality_id, title, start_year, end_year, approved_by, status, adopted_on, in_force_from, in_force_until)
values ('empty-2021', 'pisogne', 'Piano vuoto', 2021, 2021, 'test', 'superseded', '2021-01-01', '2021-01-01', '2021-12-31');
select tests.act_as(:'admin');
select is(public.publish_snapshot('2021-06-30', '[]') ->> 'code', 'empty_plan', 'a plan without objectives is refused');
select is(public.publish_snapshot(null, tests.figures()) ->> 'code', 'invalid_field', 'a snapshot without a date is refused');
select is(public.publish_snapshot('2026-11-30', (tests.figures() - 0)) ->> 'detail', 'objective test-patrols has no figure',
  'figures missing an objective are refused, naming it');
select is(public.publish_snapshot('2026-11-30', tests.figures() || (tests.figures() -> 0)) ->> 'detail', 'objective test-patrols has 2 figures',
  'an objective with two figures is refused');
select is(public.publish_snapshot('2026-11-30', tests.figures()
            || jsonb_build_array(jsonb_build_object('objectiveId', 'terr-piano-neve', 'value', 1, 'target', null, 'unit', '%', 'status', 'achieved'))) ->> 'detail',
  'objective terr-piano-neve is not an objective of plan test-plan', 'a figure of another plan''s objective is refused');
select is(public.publish_snapshot('2026-11-30', tests.figures('brilliant')) ->> 'detail',
  'figure 1 is not {objectiveId, value, target, unit, status}', 'an unknown status is refused');
select is(public.publish_snapshot('2026-11-30', jsonb_set(tests.figures(), '{2,value}', '"12"')) ->> 'code', 'invalid_figures',
  'a value that is not a number is refused');
select is(public.publish_snapshot('2026-11-30', '{}') ->> 'detail', 'figures must be a list', 'figures that are not a list are refused');
select tests.act_as_owner();
select is((select count(*)::int from public.published_snapshots), 1, 'the refusals published nothing');

-- Immutable: a new snapshot is another row; nobody changes or removes one.
select tests.act_as(:'admin');
select public.publish_snapshot('2026-12-01', tests.figures('at_risk')) ->> 'id' as second \gset
select throws_ok($$update public.published_snapshots set body = '{}'$$, '42501', null, 'an admin cannot change a snapshot through the API');
select tests.act_as_owner();
select is((select body from public.published_snapshots where id = (:'first'::jsonb ->> 'id')::uuid), :'first_body'::jsonb,
  'publishing again leaves the earlier snapshot as it was');
select throws_ok($$update public.published_snapshots set body = '{}'$$, '55000', 'published snapshots are immutable',
  'not even the owner changes a snapshot');
select throws_ok($$delete from public.published_snapshots$$, '55000', 'published snapshots are immutable', 'nor removes one');
select throws_ok($$truncate public.published_snapshots$$, '55000', 'published snapshots are immutable', 'nor empties the table');

-- anon reads the snapshots through the public functions, and nothing else.
select tests.act_as_anon();
select is(array(select s ->> 'id' from jsonb_array_elements(public.published_snapshot_list()) s),
  array[:'second', :'first'::jsonb ->> 'id'], 'anon lists the snapshots, newest first');
select is(public.published_snapshot() ->> 'id', :'second', 'reads the latest');
select is(public.published_snapshot((:'first'::jsonb ->> 'id')::uuid) -> 'body', :'first_body'::jsonb,
  'and an earlier one by its stable id');
select ok(public.published_snapshot('00000000-0000-4000-8000-000000000000') is null, 'an unknown id reads nothing');
select ok((public.published_snapshot_list()::text || public.published_snapshot()::text) !~* ('publishedBy|' || :'admin'),
  'no answer says who published');
select throws_ok('select * from public.published_snapshots', '42501', null, 'anon cannot read the table itself');

select * from finish();
rollback;
