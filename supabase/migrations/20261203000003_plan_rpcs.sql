-- The plan RPCs of docs/plans.md: import_plan (a draft from a plan file), adopt_plan (preview, then
-- adoption and supersession), delete_plan_draft. SECURITY DEFINER, since nobody writes plans
-- through the API; each checks its caller first (private.require_plan_admin).
-- All three take one transaction-wide lock, so two admins adopting at once cannot both supersede
-- the same plan, and an import never races the adoption of its own draft.

-- Who may change plans: an API caller (PostgREST sets the role `anon` or `authenticated` for the
-- request) must be an admin; the database owner (the seed, the SQL editor, migrations) and the
-- service role pass, as they may write these tables directly anyway. In a SECURITY DEFINER
-- function the `role` setting is still the caller's, while current_user is the owner.
create function private.require_plan_admin() returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if current_setting('role', true) in ('anon', 'authenticated') and not private.is_admin() then
    raise exception using errcode = '42501', message = 'forbidden', detail = 'only an admin changes plans';
  end if;
end
$$;

create function private.lock_plans() returns void
language sql volatile set search_path = ''
as $$ select pg_advisory_xact_lock(hashtext('sulcampo.plans')) $$;

-- The server's own problems with a file that passes the app's checks (docs/plans.md): the plan id
-- is an adopted plan, the municipality is not this deployment's, an objective id belongs to
-- another plan, a continuesObjectiveId names no objective of another plan.
create function private.plan_file_server_problems(file jsonb) returns jsonb
language sql stable set search_path = ''
as $$
  select coalesce(jsonb_agg(p.problem order by p.n, p.k), '[]')
  from (
    select 0::bigint as n, 1 as k, private.problem('plan_not_draft', 'plan', 'id',
             format('plan %s is %s; a new version needs a new plan id', p.id, p.status)) as problem
    from public.plans p where p.id = file #>> '{plan,id}' and p.status <> 'draft'
    union all
    select 0, 2, private.problem('unknown_municipality', 'plan', 'municipality',
             format('"%s" is not the comune of this deployment (%s)', file #>> '{plan,municipality}',
                    (select string_agg(format('"%s"', m.name), ', ' order by m.name) from public.municipalities m)))
    where not exists (select 1 from public.municipalities m
                      where lower(btrim(m.name)) = lower(btrim(file #>> '{plan,municipality}')))
    union all
    select o.n, 3, private.problem('id_in_other_plan', format('objective "%s"', o.value ->> 'id'), 'id',
             format('objective %s belongs to plan %s', x.id, x.plan_id))
    from jsonb_array_elements(file -> 'objectives') with ordinality o (value, n)
    join public.objectives x on x.id = o.value ->> 'id' and not x.deleted and x.plan_id <> file #>> '{plan,id}'
    union all
    select o.n, 4, private.problem('unknown_objective', format('objective "%s"', o.value ->> 'id'), 'continuesObjectiveId',
             format('no objective %s in another plan', o.value ->> 'continuesObjectiveId'))
    from jsonb_array_elements(file -> 'objectives') with ordinality o (value, n)
    where jsonb_typeof(o.value -> 'continuesObjectiveId') = 'string'
      and not exists (select 1 from public.objectives x
                      where x.id = o.value ->> 'continuesObjectiveId' and not x.deleted and x.plan_id <> file #>> '{plan,id}')
  ) p
$$;

-- Writes a checked file as the draft of its plan id: new area slugs join the registry, the plan's
-- areas are replaced, the plan row and its objectives upserted (each version bumped, so admins
-- pull the draft again, areas included), and objectives the file no longer lists become tombstones.
create function private.store_plan_draft(file jsonb) returns int
language plpgsql volatile set search_path = ''
as $$
declare
  draft_id constant text := file #>> '{plan,id}';
  stored int;
begin
  insert into public.areas (id, name_it, name_en, position)
  select a ->> 'id', a ->> 'nameIt', a ->> 'nameEn', (a ->> 'position')::int from jsonb_array_elements(file -> 'areas') a
  on conflict (id) do nothing;

  insert into public.plans as p (id, municipality_id, title, start_year, end_year, approved_by, status, deleted)
  select draft_id, m.id, file #>> '{plan,title}', (file #>> '{plan,startYear}')::int, (file #>> '{plan,endYear}')::int,
         file #>> '{plan,approvedBy}', 'draft', false
  from public.municipalities m where lower(btrim(m.name)) = lower(btrim(file #>> '{plan,municipality}'))
  on conflict (id) do update set municipality_id = excluded.municipality_id, title = excluded.title,
    start_year = excluded.start_year, end_year = excluded.end_year, approved_by = excluded.approved_by, deleted = false;

  delete from public.plan_areas pa where pa.plan_id = draft_id;
  insert into public.plan_areas (plan_id, area_id, position, name_it, name_en)
  select draft_id, a ->> 'id', (a ->> 'position')::int, a ->> 'nameIt', a ->> 'nameEn' from jsonb_array_elements(file -> 'areas') a;

  -- First out of the way: objectives dropped, and those moving to another place (a position is
  -- unique among the live objectives of an area, row by row, so two could not swap in one go).
  update public.objectives o set deleted = true
  where o.plan_id = draft_id and not o.deleted
    and not exists (select 1 from jsonb_array_elements(file -> 'objectives') f
                    where f ->> 'id' = o.id and f ->> 'areaId' = o.area_id and (f ->> 'position')::int = o.position);

  insert into public.objectives as o (id, plan_id, area_id, position, contributing_areas, title, responsabile, stakeholder,
                                      contributors, timeframe, measurement, baseline_text, expected_target, data_source,
                                      indicator, continues_objective_id, deleted)
  select f ->> 'id', draft_id, f ->> 'areaId', (f ->> 'position')::int,
         array(select jsonb_array_elements_text(f -> 'contributingAreas')), f ->> 'title', f ->> 'responsabile',
         f ->> 'stakeholder', f ->> 'contributors', f ->> 'timeframe', f ->> 'measurement', f ->> 'baselineText',
         f ->> 'expectedTarget', f ->> 'dataSource', f -> 'indicator', f ->> 'continuesObjectiveId', false
  from jsonb_array_elements(file -> 'objectives') f
  on conflict (id) do update set plan_id = excluded.plan_id, area_id = excluded.area_id, position = excluded.position,
    contributing_areas = excluded.contributing_areas, title = excluded.title, responsabile = excluded.responsabile,
    stakeholder = excluded.stakeholder, contributors = excluded.contributors, timeframe = excluded.timeframe,
    measurement = excluded.measurement, baseline_text = excluded.baseline_text, expected_target = excluded.expected_target,
    data_source = excluded.data_source, indicator = excluded.indicator, continues_objective_id = excluded.continues_objective_id,
    deleted = false;
  get diagnostics stored = row_count;
  return stored;
end
$$;

create function public.import_plan(plan jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  problems jsonb;
begin
  perform private.require_plan_admin();
  perform private.lock_plans();
  -- The server's own problems once the app's rules hold: for any file the app refuses, the answer
  -- is exactly the app's list.
  problems := private.catalogue_problems(plan);
  if jsonb_array_length(problems) = 0 then
    problems := private.plan_file_server_problems(plan);
  end if;
  if jsonb_array_length(problems) > 0 then
    return jsonb_build_object('status', 'invalid', 'problems', problems);
  end if;
  return jsonb_build_object('status', 'imported', 'planId', plan #>> '{plan,id}', 'objectives', private.store_plan_draft(plan));
end
$$;

create function private.plan_refusal(code text, detail text) returns jsonb
language sql immutable set search_path = ''
as $$ select jsonb_build_object('status', 'refused', 'code', code, 'detail', detail) $$;

-- Adopting: the draft becomes the plan in force from in_force_from (default 1 January of its
-- first year); the plan in force on that day, always the latest adopted one since each starts
-- after it, ends the day before and is superseded. Without `confirm` only says what would happen.
create function public.adopt_plan(plan_id text, act text, adopted_on date, in_force_from date default null,
                                  confirm boolean default false) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  draft public.plans;
  latest public.plans;
  starts date;
  supersedes jsonb := '[]';
  answer jsonb;
begin
  perform private.require_plan_admin();
  perform private.lock_plans();
  select * into draft from public.plans p where p.id = adopt_plan.plan_id and not p.deleted;
  if not found then
    return private.plan_refusal('not_found', format('there is no plan %s', coalesce(adopt_plan.plan_id, 'null')));
  elsif draft.status <> 'draft' then
    return private.plan_refusal('plan_not_draft', format('plan %s is already %s', draft.id, draft.status));
  elsif btrim(coalesce(act, '')) = '' or char_length(act) > 500 then
    return private.plan_refusal('invalid_field', 'the act of adoption (e.g. "Delibera G.C. n. 50 del 15.03.2023") is required, at most 500 characters');
  elsif adopt_plan.adopted_on is null then
    return private.plan_refusal('invalid_field', 'the date of adoption is required');
  elsif not exists (select 1 from public.objectives o where o.plan_id = draft.id and not o.deleted) then
    return private.plan_refusal('empty_plan', format('plan %s has no objectives', draft.id));
  end if;
  starts := coalesce(adopt_plan.in_force_from, make_date(draft.start_year, 1, 1));
  select * into latest from public.plans p
  where p.municipality_id = draft.municipality_id and p.status <> 'draft'
  order by p.in_force_from desc limit 1;
  if found and starts <= latest.in_force_from then
    return private.plan_refusal('starts_before_plan_in_force',
      format('plan %s is in force from %s; a new plan starts after that day', latest.id, latest.in_force_from));
  end if;
  if found then
    supersedes := jsonb_build_array(jsonb_build_object('planId', latest.id, 'title', latest.title, 'inForceUntil', starts - 1));
  end if;
  answer := jsonb_build_object('planId', draft.id, 'inForceFrom', starts, 'supersedes', supersedes);
  if not coalesce(confirm, false) then
    return jsonb_build_object('status', 'preview') || answer;
  end if;
  update public.plans p set status = 'superseded', in_force_until = starts - 1 where p.id = latest.id;
  update public.plans p set status = 'adopted', adopted_on = adopt_plan.adopted_on, approved_by = btrim(act), in_force_from = starts
  where p.id = draft.id;
  -- Every signed-in user now reads them: new versions, so devices past their old txid pull them.
  update public.objectives o set deleted = false where o.plan_id = draft.id and not o.deleted;
  return jsonb_build_object('status', 'adopted') || answer;
end
$$;

create function public.delete_plan_draft(plan_id text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  draft public.plans;
  removed int;
begin
  perform private.require_plan_admin();
  perform private.lock_plans();
  select * into draft from public.plans p where p.id = delete_plan_draft.plan_id and not p.deleted;
  if not found then
    return private.plan_refusal('not_found', format('there is no plan %s', coalesce(delete_plan_draft.plan_id, 'null')));
  elsif draft.status <> 'draft' then
    return private.plan_refusal('plan_not_draft', format('plan %s is %s; only a draft is deleted', draft.id, draft.status));
  end if;
  update public.objectives o set deleted = true where o.plan_id = draft.id and not o.deleted;
  get diagnostics removed = row_count;
  delete from public.plan_areas pa where pa.plan_id = draft.id;
  update public.plans p set deleted = true where p.id = draft.id;
  return jsonb_build_object('status', 'deleted', 'planId', draft.id, 'objectives', removed);
end
$$;

revoke all on function private.require_plan_admin(), private.lock_plans(), private.plan_file_server_problems(jsonb),
  private.store_plan_draft(jsonb), private.plan_refusal(text, text) from public, anon;
grant execute on function private.require_plan_admin() to authenticated, service_role;
revoke all on function public.import_plan(jsonb), public.adopt_plan(text, text, date, date, boolean),
  public.delete_plan_draft(text) from public, anon;
grant execute on function public.import_plan(jsonb), public.adopt_plan(text, text, date, date, boolean),
  public.delete_plan_draft(text) to authenticated, service_role;
