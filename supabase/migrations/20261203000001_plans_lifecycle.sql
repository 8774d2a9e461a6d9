-- Plans are server data (issue 12, docs/plans.md): a municipality row, plans with a lifecycle
-- (draft → adopted → superseded) and the columns sync needs, the areas each plan has
-- (public.plan_areas; public.areas becomes the registry of area slugs), objectives that may
-- continue one of an earlier plan. Existing rows upgrade in place: the Pisogne plan 2023–2025
-- becomes adopted and in force from 2023-01-01 with no end, so every entry, setting,
-- programme and history row keeps pointing at the objectives it points at today.

-- One municipality per deployment for now; plans carry its key, so hosting several comuni later
-- means adding that key to profiles and policies, not a redesign.
create table public.municipalities (
  id text primary key constraint municipalities_id_slug check (id ~ '^[a-z][a-z0-9_]*$'),
  name text not null constraint municipalities_name_required check (btrim(name) <> ''),
  istat_code text not null unique constraint municipalities_istat_code_format check (istat_code ~ '^\d{6}$')
);
-- ISTAT code 017143: province 017 (Brescia), comune 143, from ISTAT's "Elenco dei codici e delle
-- denominazioni delle unità territoriali" (codice comune in formato alfanumerico). The name is the
-- one the PIAO uses for itself, so the header reads as before.
-- A plan file names its comune; import_plan finds the row by that name.
create unique index municipalities_name_key on public.municipalities (lower(btrim(name)));
insert into public.municipalities (id, name, istat_code) values ('pisogne', 'Comune di Pisogne', '017143');

alter table public.municipalities enable row level security;
revoke all on public.municipalities from public, anon, authenticated;
grant select on public.municipalities to authenticated;
grant all on public.municipalities to service_role;
create policy municipalities_read on public.municipalities for select to authenticated using (true);

-- Areas: the registry of slugs profiles and objectives reference. Which areas a plan has, in
-- which order and under which names, is plan data (public.plan_areas).
alter table public.areas drop constraint areas_position_key;
alter table public.areas add constraint areas_id_slug check (id ~ '^[a-z][a-z0-9_]*$');

-- The pull needs what every synced table has (version, txid, tombstones; see
-- 20261126000008_plan_data.sql); plans and objectives are never deleted, a removed draft is a tombstone.
create extension if not exists btree_gist with schema extensions;
alter table public.plans
  add column municipality_id text references public.municipalities (id) on update cascade,
  add column status text not null default 'draft' constraint plans_status_known check (status in ('draft', 'adopted', 'superseded')),
  add column adopted_on date,
  add column in_force_from date,
  add column in_force_until date;
update public.plans set municipality_id = (select m.id from public.municipalities m where m.id = 'pisogne');
-- The one plan there is: adopted by Delibera G.C. n. 50 del 15.03.2023, in force from the start
-- of its first year until a later plan is adopted. (Any other plan, which no deployment has, is
-- left a draft for an admin to adopt.)
update public.plans set status = 'adopted', adopted_on = '2023-03-15', in_force_from = make_date(start_year, 1, 1)
where id = 'pisogne-2023-2025';
alter table public.plans
  alter column municipality_id set not null,
  -- The name shown is the municipality's (public.municipalities); a file names it to be matched.
  drop column municipality,
  add constraint plans_adopted_dates check (
    case status
      when 'draft' then adopted_on is null and in_force_from is null and in_force_until is null
      when 'adopted' then adopted_on is not null and in_force_from is not null and in_force_until is null
      else adopted_on is not null and in_force_from is not null and in_force_until >= in_force_from
    end),
  -- Exactly one plan in force on a day: no two adopted or superseded plans overlap (adopt_plan
  -- also leaves no gap: the plan it supersedes ends the day before the new one starts).
  add constraint plans_one_in_force exclude using gist (
    municipality_id with =, daterange(in_force_from, in_force_until, '[]') with &&) where (status <> 'draft');

alter table public.objectives
  add column continues_objective_id text references public.objectives (id),
  drop constraint objectives_plan_id_area_id_position_key;

do $$
declare
  name text;
begin
  foreach name in array array['plans', 'objectives'] loop
    execute format('alter table public.%1$I
                      add column created_at timestamptz not null default now(),
                      add column updated_at timestamptz not null default now(),
                      add column updated_by uuid references auth.users (id) on delete set null,
                      add column version int not null default 1,
                      add column deleted boolean not null default false,
                      add column txid bigint not null default private.current_txid()', name);
    execute format('create index %1$s_pull_idx on public.%1$I (txid, (id::text) collate "C")', name);
    execute format('create trigger %1$s_20_stamp before insert or update on public.%1$I
                    for each row execute function private.stamp_server_columns()', name);
  end loop;
end
$$;
-- A tombstone keeps its place in no list: a re-imported draft may give its position to another.
create unique index objectives_area_position_key on public.objectives (plan_id, area_id, position) where not deleted;
create index objectives_plan_idx on public.objectives (plan_id);

create table public.plan_areas (
  plan_id text not null references public.plans (id),
  area_id text not null references public.areas (id),
  position int not null check (position > 0),
  name_it text not null constraint plan_areas_name_it_required check (btrim(name_it) <> ''),
  name_en text not null constraint plan_areas_name_en_required check (btrim(name_en) <> ''),
  primary key (plan_id, area_id),
  unique (plan_id, position)
);
create index plan_areas_area_idx on public.plan_areas (area_id);
-- Until now every plan had every area of the registry, in the registry's order.
insert into public.plan_areas (plan_id, area_id, position, name_it, name_en)
select p.id, a.id, row_number() over (partition by p.id order by a.position, a.id), a.name_it, a.name_en
from public.plans p cross join public.areas a;

-- An objective's area and its contributing areas are areas of its plan. A trigger, not a foreign
-- key: contributing areas are a list, and a tombstone may keep an area its draft no longer has.
create function private.check_objective_areas() returns trigger
language plpgsql set search_path = ''
as $$
declare
  missing text;
begin
  if new.deleted then
    return new;
  end if;
  select a.id into missing
  from unnest(array[new.area_id] || new.contributing_areas) a (id)
  where not exists (select 1 from public.plan_areas pa where pa.plan_id = new.plan_id and pa.area_id = a.id)
  limit 1;
  if missing is not null then
    raise exception using errcode = '23514', constraint = 'objectives_areas_of_plan',
      message = format('area %s of objective %s is not an area of plan %s', missing, new.id, new.plan_id);
  end if;
  return new;
end
$$;
create trigger objectives_10_areas_of_plan before insert or update on public.objectives
  for each row execute function private.check_objective_areas();

-- Who reads what: adopted and superseded plans (and their areas and objectives) every signed-in
-- user; drafts admins only. Nobody writes through the API; import_plan and adopt_plan do.
create function private.visible_plans() returns text[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select p.id from public.plans p where p.status <> 'draft' or private.is_admin());
end
$$;
revoke all on function private.visible_plans() from public, anon;
grant execute on function private.visible_plans() to authenticated, service_role;

alter table public.plan_areas enable row level security;
revoke all on public.plan_areas from public, anon, authenticated;
grant select on public.plan_areas to authenticated;
grant all on public.plan_areas to service_role;

drop policy plans_read on public.plans;
create policy plans_read on public.plans for select to authenticated
  using (status <> 'draft' or (select private.is_admin()));
drop policy objectives_read on public.objectives;
create policy objectives_read on public.objectives for select to authenticated
  using (plan_id = any ((select private.visible_plans())::text[]));
create policy plan_areas_read on public.plan_areas for select to authenticated
  using (plan_id = any ((select private.visible_plans())::text[]));
-- An area a draft brings is not shown to others before the draft is adopted; one's own always is.
drop policy areas_read on public.areas;
create policy areas_read on public.areas for select to authenticated
  using (id = (select private.my_area()) or (select private.is_admin())
         or exists (select 1 from public.plan_areas pa where pa.area_id = areas.id));

-- A renamed municipality: its plans are pulled again, since their rows carry its name.
create function private.touch_plans_of_municipality() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.plans p set municipality_id = new.id where p.municipality_id = new.id;
  return null;
end
$$;
revoke all on function private.touch_plans_of_municipality() from public;
create trigger municipalities_touch_plans after update on public.municipalities
  for each row when (old is distinct from new) execute function private.touch_plans_of_municipality();
