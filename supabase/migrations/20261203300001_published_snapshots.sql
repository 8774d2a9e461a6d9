-- Public transparency page (issue 15, docs/transparency.md): an admin publishes the state of the
-- plan in force at a date, for "Amministrazione Trasparente"; anyone, signed in or not, reads what
-- was published and nothing else.
-- - public.published_snapshots: immutable, dated snapshots. Nobody reads the table through the
--   API (RLS on, no policy, no grant); the public RPCs below answer with the snapshot's date and
--   body only, never who published it.
-- - publish_snapshot(as_of, figures): admins only. Value, target and status of each objective are
--   the app's (src/domain/progress: the one function behind the field app, the dashboard and the
--   report, ARCHITECTURE.md §1), computed on the admin's device as its dashboard shows them; the
--   server checks they cover exactly the objectives of the plan in force and adds the rest from
--   its own rows: the comune, the plan, area names, objective titles and targets as the PIAO
--   words them, the manager's note. Aggregates only: no entry, name, place, time, contact or photo.

create table public.published_snapshots (
  id uuid primary key default gen_random_uuid(),
  plan_id text not null references public.plans (id),
  as_of date not null,
  published_at timestamptz not null default clock_timestamp(),
  -- Who published, for the record; never in the body nor in a public answer. No foreign key: a
  -- removed account must not rewrite a published snapshot (a cascade would be an update).
  published_by uuid,
  body jsonb not null constraint published_snapshots_body_object check (jsonb_typeof(body) = 'object')
);
create index published_snapshots_latest_idx on public.published_snapshots (published_at desc, id);

alter table public.published_snapshots enable row level security;
revoke all on public.published_snapshots from public, anon, authenticated;
grant select, insert on public.published_snapshots to service_role;

-- A published snapshot is a public act: nobody changes or removes it, not even the owner by hand.
create function private.refuse_snapshot_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = '55000', message = 'published snapshots are immutable',
    detail = 'publish a new snapshot instead';
end
$$;
create trigger published_snapshots_immutable before update or delete on public.published_snapshots
  for each row execute function private.refuse_snapshot_change();
create trigger published_snapshots_no_truncate before truncate on public.published_snapshots
  for each statement execute function private.refuse_snapshot_change();

-- The adopted (or since superseded) plan in force on a day; at most one per comune (plans_one_in_force).
create function private.plan_in_force_on(day date) returns public.plans
language sql stable set search_path = ''
as $$
  select p.* from public.plans p
  where p.status <> 'draft' and not p.deleted and p.in_force_from <= day and (p.in_force_until is null or p.in_force_until >= day)
  order by p.municipality_id limit 1
$$;

-- The first thing wrong with the figures of a plan's objectives, null when they are right: one
-- object per live objective of the plan, each with a number value, a number or null target, a
-- unit and a known status.
create function private.snapshot_figures_problem(plan_id text, figures jsonb) returns text
language sql stable set search_path = ''
as $$
  select case
    when jsonb_typeof(figures) is distinct from 'array' then 'figures must be a list'
    else (
      select coalesce(
        (select format('figure %s is not {objectiveId, value, target, unit, status}', f.n)
         from jsonb_array_elements(figures) with ordinality f (value, n)
         where jsonb_typeof(f.value) is distinct from 'object'
            or jsonb_typeof(f.value -> 'objectiveId') is distinct from 'string'
            or jsonb_typeof(f.value -> 'value') is distinct from 'number'
            or coalesce(jsonb_typeof(f.value -> 'target'), 'missing') not in ('number', 'null')
            or jsonb_typeof(f.value -> 'unit') is distinct from 'string' or char_length(f.value ->> 'unit') > 100
            or coalesce(f.value ->> 'status', '') not in ('not_started', 'on_track', 'at_risk', 'off_track', 'achieved')
         order by f.n limit 1),
        (select format('objective %s has %s figures', f.value ->> 'objectiveId', count(*))
         from jsonb_array_elements(figures) f group by f.value ->> 'objectiveId' having count(*) > 1
         order by 1 limit 1),
        (select format('objective %s is not an objective of plan %s', f.value ->> 'objectiveId', plan_id)
         from jsonb_array_elements(figures) f
         where not exists (select 1 from public.objectives o
                           where o.id = f.value ->> 'objectiveId' and o.plan_id = snapshot_figures_problem.plan_id and not o.deleted)
         order by 1 limit 1),
        (select format('objective %s has no figure', o.id)
         from public.objectives o
         where o.plan_id = snapshot_figures_problem.plan_id and not o.deleted
           and not exists (select 1 from jsonb_array_elements(figures) f where f.value ->> 'objectiveId' = o.id)
         order by o.id limit 1))
    )
  end
$$;

-- What a citizen reads: the comune, the plan, its areas and, per objective in PIAO order, its
-- text and target as the PIAO words them, the figures and the manager's note.
create function private.snapshot_body(plan public.plans, as_of date, figures jsonb) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'asOf', as_of,
    'year', extract(year from as_of)::int,
    'municipality', (select jsonb_build_object('name', m.name, 'istatCode', m.istat_code)
                     from public.municipalities m where m.id = plan.municipality_id),
    'plan', jsonb_build_object('id', plan.id, 'title', plan.title, 'startYear', plan.start_year, 'endYear', plan.end_year,
                               'adoptedBy', plan.approved_by, 'inForceFrom', plan.in_force_from),
    'areas', (select coalesce(jsonb_agg(jsonb_build_object('id', pa.area_id, 'name', pa.name_it, 'position', pa.position)
                                        order by pa.position), '[]')
              from public.plan_areas pa where pa.plan_id = plan.id),
    'objectives', (select jsonb_agg(jsonb_build_object(
                       'id', o.id, 'areaId', o.area_id, 'areaName', pa.name_it, 'position', o.position,
                       'title', o.title, 'expectedTarget', o.expected_target,
                       'value', f.value -> 'value', 'target', f.value -> 'target', 'unit', f.value ->> 'unit',
                       'status', f.value ->> 'status', 'note', coalesce(s.note, ''))
                     order by pa.position, o.position)
                   from public.objectives o
                   join public.plan_areas pa on pa.plan_id = o.plan_id and pa.area_id = o.area_id
                   join jsonb_array_elements(figures) f on f.value ->> 'objectiveId' = o.id
                   left join public.objective_settings s on s.id = o.id and not s.deleted
                   where o.plan_id = plan.id and not o.deleted))
$$;

-- Called only inside publish_snapshot, as its owner.
revoke all on function private.refuse_snapshot_change(), private.plan_in_force_on(date),
  private.snapshot_figures_problem(text, jsonb), private.snapshot_body(public.plans, date, jsonb) from public, anon, authenticated;

create function public.publish_snapshot(as_of date, figures jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  plan public.plans;
  problem text;
  published public.published_snapshots;
begin
  -- Admins publish (docs/transparency.md): the same right as adopting the plan.
  perform private.require_plan_admin();
  if publish_snapshot.as_of is null then
    return private.plan_refusal('invalid_field', 'the date of the snapshot is required');
  elsif publish_snapshot.as_of > (now() at time zone 'Europe/Rome')::date then
    return private.plan_refusal('future_date', format('%s is after today; a snapshot states what has happened', publish_snapshot.as_of));
  end if;
  plan := private.plan_in_force_on(publish_snapshot.as_of);
  if plan.id is null then
    return private.plan_refusal('no_plan_in_force', format('no plan is in force on %s', publish_snapshot.as_of));
  elsif not exists (select 1 from public.objectives o where o.plan_id = plan.id and not o.deleted) then
    return private.plan_refusal('empty_plan', format('plan %s has no objectives', plan.id));
  end if;
  problem := private.snapshot_figures_problem(plan.id, figures);
  if problem is not null then
    return private.plan_refusal('invalid_figures', problem);
  end if;
  insert into public.published_snapshots (plan_id, as_of, published_by, body)
  values (plan.id, publish_snapshot.as_of, auth.uid(), private.snapshot_body(plan, publish_snapshot.as_of, figures))
  returning * into published;
  return jsonb_build_object('status', 'published', 'id', published.id, 'asOf', published.as_of,
                            'publishedAt', private.iso_utc(published.published_at));
end
$$;
revoke all on function public.publish_snapshot(date, jsonb) from public, anon;
grant execute on function public.publish_snapshot(date, jsonb) to authenticated, service_role;

-- The public surface: what anon may call, and all it may call.
-- Every snapshot, newest first, for the list of earlier ones.
create function public.published_snapshot_list() returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', s.id, 'asOf', s.as_of, 'publishedAt', private.iso_utc(s.published_at),
      'planTitle', s.body #>> '{plan,title}', 'municipality', s.body #>> '{municipality,name}')
    order by s.published_at desc, s.id), '[]')
  from public.published_snapshots s
$$;

-- One snapshot by id (the stable link), or the latest when no id is given; null when there is none.
create function public.published_snapshot(snapshot_id uuid default null) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('id', s.id, 'asOf', s.as_of, 'publishedAt', private.iso_utc(s.published_at), 'body', s.body)
  from public.published_snapshots s
  where snapshot_id is null or s.id = snapshot_id
  order by s.published_at desc, s.id
  limit 1
$$;

revoke all on function public.published_snapshot_list(), public.published_snapshot(uuid) from public;
grant execute on function public.published_snapshot_list(), public.published_snapshot(uuid) to anon, authenticated, service_role;
