-- Data a manager keeps for the plan (src/domain/plan-data.ts): the snow plan's routes and
-- events, monthly programmes, baselines and targets. They sync like entries: server-owned
-- version/updated_at/txid, tombstones instead of deletes. The snow plan belongs to the
-- territorio area (objective terr-piano-neve): its people read it, its manager edits it.

create function private.snow_plan_area() returns text
language sql immutable set search_path = ''
as $$ select 'territorio' $$;
grant execute on function private.snow_plan_area() to authenticated, service_role;

create table public.snow_routes (
  id uuid primary key,
  name text not null constraint snow_routes_name_required check (btrim(name) <> ''),
  description text not null default '',
  priority int not null check (priority >= 1),
  active boolean not null default true,
  constraint snow_routes_name_length check (char_length(name) <= 200),
  constraint snow_routes_description_length check (char_length(description) <= 2000)
);

create table public.snow_events (
  id uuid primary key,
  name text not null constraint snow_events_name_required check (btrim(name) <> ''),
  started_at timestamptz not null,
  ended_at timestamptz,
  constraint snow_events_name_length check (char_length(name) <= 200),
  constraint snow_events_end_after_start check (ended_at is null or ended_at > started_at)
);

create table public.programmes (
  id uuid primary key,
  objective_id text not null references public.objectives (id),
  month text not null constraint programmes_month_format check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  planned int not null check (planned >= 0)
);

-- Id = the objective's id: one setting per objective.
create table public.objective_settings (
  id text primary key references public.objectives (id),
  baseline_value numeric check (baseline_value >= 0),
  target numeric check (target >= 0),
  note text not null default '',
  constraint objective_settings_note_length check (char_length(note) <= 2000)
);

-- The same sync treatment for each table: the server-owned columns entries have too, the pull
-- index, server stamps, RLS, grants (no DELETE: deleting is a tombstone). Who may read and
-- write: the snow plan by area, the rest by objective.
do $$
declare
  plan_table record;
begin
  for plan_table in
    select * from (values
      ('snow_routes', 'private.works_in_area(private.snow_plan_area())', 'private.manages_area(private.snow_plan_area())'),
      ('snow_events', 'private.works_in_area(private.snow_plan_area())', 'private.manages_area(private.snow_plan_area())'),
      ('programmes', 'private.works_on_objective(objective_id)', 'private.manages_objective(objective_id)'),
      ('objective_settings', 'private.works_on_objective(id)', 'private.manages_objective(id)')
    ) as t (name, reader, writer)
  loop
    execute format('alter table public.%1$I
                      add column created_at timestamptz not null default now(),
                      add column updated_at timestamptz not null default now(),
                      add column updated_by uuid references auth.users (id) on delete set null,
                      add column version int not null default 1,
                      add column deleted boolean not null default false,
                      add column txid bigint not null default private.current_txid()', plan_table.name);
    execute format('create index %1$s_pull_idx on public.%1$I (txid, (id::text) collate "C")', plan_table.name);
    execute format('create trigger %1$s_20_stamp before insert or update on public.%1$I
                    for each row execute function private.stamp_server_columns()', plan_table.name);
    execute format('alter table public.%1$I enable row level security', plan_table.name);
    execute format('revoke all on public.%1$I from public, anon, authenticated', plan_table.name);
    execute format('grant select, insert, update on public.%1$I to authenticated', plan_table.name);
    execute format('grant all on public.%1$I to service_role', plan_table.name);
    execute format('create policy %1$s_read on public.%1$I for select to authenticated using (%2$s)', plan_table.name, plan_table.reader);
    execute format('create policy %1$s_insert on public.%1$I for insert to authenticated with check (%2$s)', plan_table.name, plan_table.writer);
    execute format('create policy %1$s_update on public.%1$I for update to authenticated using (%2$s) with check (%2$s)',
                   plan_table.name, plan_table.writer);
  end loop;
end
$$;

-- One planned figure per objective and month, or the plan would count twice.
create unique index programmes_objective_month_key on public.programmes (objective_id, month) where not deleted;

insert into private.sync_tables (entity, table_name, id_is_uuid) values
  ('snow_route', 'snow_routes', true),
  ('snow_event', 'snow_events', true),
  ('programme', 'programmes', true),
  ('objective_setting', 'objective_settings', false);

insert into private.sync_columns (entity, wire_name, column_name, client_writable, is_instant)
select s.entity, c.wire_name, c.column_name, c.client_writable, c.is_instant
from private.sync_tables s
cross join lateral (values
  ('id', 'id', false, false),
  ('version', 'version', false, false),
  ('updatedAt', 'updated_at', false, true),
  ('updatedBy', 'updated_by', false, false),
  ('deleted', 'deleted', true, false)) as c (wire_name, column_name, client_writable, is_instant)
where s.entity <> 'entry';

insert into private.sync_columns (entity, wire_name, column_name, client_writable, is_instant) values
  ('snow_route', 'name', 'name', true, false),
  ('snow_route', 'description', 'description', true, false),
  ('snow_route', 'priority', 'priority', true, false),
  ('snow_route', 'active', 'active', true, false),
  ('snow_event', 'name', 'name', true, false),
  ('snow_event', 'startedAt', 'started_at', true, true),
  ('snow_event', 'endedAt', 'ended_at', true, true),
  ('programme', 'objectiveId', 'objective_id', true, false),
  ('programme', 'month', 'month', true, false),
  ('programme', 'planned', 'planned', true, false),
  ('objective_setting', 'baselineValue', 'baseline_value', true, false),
  ('objective_setting', 'target', 'target', true, false),
  ('objective_setting', 'note', 'note', true, false);
