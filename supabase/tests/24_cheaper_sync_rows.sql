-- Cheaper sync rows (20261126000024, 20261126000025): the same rights, rows and monthly figures
-- as the per-row functions they replace.
begin;
select plan(9);
\ir support/fixtures.psql

select * from tests.create_cast() \gset
-- The figures are kept at commit (a pushed batch's through private.month_stats_pending); this
-- test never commits, so it asks for them at each statement.
set constraints entries_40_month_stats, private.month_stats_pending_apply immediate;

-- Per user of the cast, whether the policies' objectives differ from works_on_objective's.
create function pg_temp.rights_differ(users uuid[]) returns int language plpgsql as $$
declare
  u uuid;
  differ int := 0;
begin
  foreach u in array users loop
    perform tests.act_as(u);
    if array(select o.id from public.objectives o where private.works_on_objective(o.id) order by o.id)
       is distinct from array(select x from unnest(private.my_objectives()) x order by x) then
      differ := differ + 1;
    end if;
  end loop;
  perform tests.act_as_owner();
  return differ;
end
$$;
select is(pg_temp.rights_differ(array[:'officer', :'colleague', :'worker', :'works_manager', :'police_manager',
                                      :'finance', :'admin', :'newcomer']::uuid[]), 0,
  'every user works on exactly the objectives the entries policies let them read and write');

-- What the month table should hold for the test objectives: a scan of their entries.
create function pg_temp.scanned_months() returns setof record language sql as $$
  select e.objective_id, private.rome_month(e.occurred_at), count(*), sum(private.entry_quantity(e.kind, e.payload)),
         coalesce(sum(private.entry_total(e.kind, e.payload)), 0), count(private.entry_total(e.kind, e.payload)),
         count(*) filter (where e.kind = 'maintenance_report'), count(*) filter (where e.status = 'resolved'),
         count(*) filter (where private.report_fixed_within(e.status, e.payload, 8)), max(e.updated_at)
  from public.entries e
  where not e.deleted and e.objective_id like 'test-%'
  group by 1, 2
$$;

-- A batch mixing what the fast path takes (fresh entries over two months and two objectives, one
-- of them born deleted, a resolved report) with what it leaves (an invalid entry, an update that
-- moves an earlier entry to another month), then a direct insert after it in the same transaction.
select tests.act_as(:'officer');
select tests.push(tests.new_entry('00000000-0000-4000-8000-0000000024a1', 'test-patrols', 'patrol', tests.patrol()));
select public.sync_push(jsonb_build_array(
  tests.new_entry('00000000-0000-4000-8000-0000000024b1', 'test-patrols', 'patrol', tests.patrol()),
  tests.mutation('entry', 'insert', '00000000-0000-4000-8000-0000000024b2', 0, jsonb_build_object(
    'kind', 'patrol', 'objectiveId', 'test-patrols', 'payload', tests.patrol(), 'occurredAt', '2026-10-31T22:30:00Z')),
  tests.mutation('entry', 'insert', '00000000-0000-4000-8000-0000000024b3', 0, jsonb_build_object(
    'kind', 'patrol', 'objectiveId', 'test-patrols', 'payload', tests.patrol(), 'occurredAt', '2026-11-02T08:00:00Z', 'deleted', true)),
  tests.new_entry('00000000-0000-4000-8000-0000000024b4', 'test-signage', 'maintenance_report',
                  tests.report('{"resolvedAt": "2026-11-22T08:00:00Z"}'), 'resolved'),
  tests.new_entry('00000000-0000-4000-8000-0000000024b5', 'test-patrols', 'patrol', tests.patrol('{"checkpoints": -1}')),
  tests.mutation('entry', 'update', '00000000-0000-4000-8000-0000000024a1', 1, '{"occurredAt": "2026-09-15T08:00:00Z"}')
)) as mixed_answers \gset
select is((select jsonb_agg(a ->> 'status' order by n) from jsonb_array_elements(:'mixed_answers') with ordinality x (a, n)),
  '["applied", "applied", "applied", "applied", "rejected", "applied"]', 'the mixed batch applies all but the invalid entry');
select tests.act_as_owner();
insert into public.entries (id, objective_id, kind, payload, occurred_at, author_id)
values ('00000000-0000-4000-8000-0000000024c1', 'test-patrols', 'patrol', tests.patrol(), '2026-11-03T08:00:00Z', :'officer');

select set_eq(
  $$select objective_id, month, entries, quantity, total, totals, reports, reports_resolved, reports_fixed_in_8_days, last_updated_at
    from private.objective_month_stats where objective_id like 'test-%'$$,
  $$select * from pg_temp.scanned_months() as s (objective_id text, month timestamptz, entries bigint, quantity numeric, total numeric,
      totals bigint, reports bigint, reports_resolved bigint, reports_fixed_in_8_days bigint, last_updated_at timestamptz)$$,
  'after a mixed batch and a later insert, every month holds exactly the figures of its entries');
select is((select count(*)::int from private.month_stats_pending), 0, 'and no batch sums are left waiting');
select is((select count(*)::int from private.objective_month_stats where objective_id = 'test-patrols'), 3,
  'the batch counted its entries in their own Rome months (October, November) and the update moved one to September');

-- Rows on the wire: the fast answers and the pulled rows are what private.to_wire makes of them.
select is((select count(*)::int from public.entries e where private.entry_wire(e) is distinct from private.to_wire('entry', to_jsonb(e))), 0,
  'an entry answered by the fast path is the same wire row private.to_wire builds');
insert into public.snow_events (id, name, started_at, ended_at)
values ('00000000-0000-4000-8000-0000000024e1', 'Nevicata di prova', '2026-11-20T06:00:00Z', null);

create function pg_temp.pulled_rows_differ() returns int language plpgsql as $$
declare
  change jsonb;
  stored jsonb;
  differ int := 0;
begin
  for change in select c from jsonb_array_elements(tests.pull_all()) c loop
    execute format('select to_jsonb(t.*) from %s t where t.id::text = $1',
                   (select s.pull_relation from private.sync_tables s where s.entity = change ->> 'entity'))
      using change ->> 'id' into stored;
    if (change -> 'row' is distinct from (case when (stored ->> 'deleted')::boolean then 'null' else private.to_wire(change ->> 'entity', stored) end)
        or (change ->> 'version')::int is distinct from (stored ->> 'version')::int) then
      differ := differ + 1;
    end if;
  end loop;
  return differ;
end
$$;
grant execute on all functions in schema pg_temp to authenticated;
select tests.act_as(:'admin');
select is(pg_temp.pulled_rows_differ(), 0, 'every pulled row, of every entity and tombstones too, is its stored row on the wire');

-- Pages up to 2,000 rows.
select tests.act_as_owner();
insert into public.entries (id, objective_id, kind, payload, occurred_at, author_id)
select gen_random_uuid(), 'test-patrols', 'patrol', tests.patrol(), '2026-11-04T08:00:00Z', :'officer' from generate_series(1, 2001);
select tests.act_as(:'officer');
select is((select jsonb_array_length(p -> 'changes') || ' ' || (p ->> 'hasMore') from public.sync_pull(null, 5000) p), '2000 true',
  'a page asked for 5,000 rows holds 2,000 and says more follow');

-- private.crew_problem as one expression (20261126000026) answers as the former subquery did.
create function pg_temp.former_crew_problem(crew jsonb, max_length int) returns text language sql as $$
  select case
    when jsonb_typeof(crew) is distinct from 'array' then 'invalid_payload:crew needs at least one person'
    when jsonb_array_length(crew) = 0 then 'invalid_payload:crew needs at least one person'
    when jsonb_array_length(crew) > 20 then 'field_too_large:crew has more than 20 people'
    else (select min(private.text_problem(jsonb_build_object('crew', member), 'crew', max_length, true))
          from jsonb_array_elements(crew) member)
  end
$$;
select is((select array_agg(c::text) from (values
    ('null'::jsonb), ('"Rossi"'), ('{}'), ('[]'), (to_jsonb(array_fill('Rossi'::text, array[21]))), (to_jsonb(array_fill('Rossi'::text, array[20]))),
    ('[null]'), ('[""]'), ('["   "]'), (jsonb_build_array(E' \n ')), (jsonb_build_array(E'\n')), ('[" Rossi "]'), ('[5]'), ('[true]'), ('[{}]'), ('[[]]'), ('[["Rossi"]]'), ('[[null]]'),
    (jsonb_build_array(repeat('é', 200))), (jsonb_build_array(repeat('é', 201))), (jsonb_build_array(repeat(E'a\n', 101))),
    (jsonb_build_array('Rossi', 5, '')), (jsonb_build_array('Rossi', repeat('a', 201), null, 7)), (jsonb_build_array(7, null)), ('["Rossi", "Bianchi"]')
  ) as crews (c)
  where private.crew_problem(c, 200) is distinct from pg_temp.former_crew_problem(c, 200)), null,
  'a crew gets the same answer from the one-expression check as from the former one');

select * from finish();
rollback;
