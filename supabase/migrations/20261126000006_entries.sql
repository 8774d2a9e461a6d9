-- Entries: what is logged in the field or the office (ARCHITECTURE.md §2, src/domain/entry.ts).

-- The first problem in a patrol's crew: one name at least, 20 at most, each a short text.
create function private.crew_problem(crew jsonb, max_length int) returns text
language sql stable
as $$
  select case
    when jsonb_typeof(crew) is distinct from 'array' then 'invalid_payload:crew needs at least one person'
    when jsonb_array_length(crew) = 0 then 'invalid_payload:crew needs at least one person'
    when jsonb_array_length(crew) > 20 then 'field_too_large:crew has more than 20 people'
    else (select min(private.text_problem(jsonb_build_object('crew', member), 'crew', max_length, true))
          from jsonb_array_elements(crew) member)
  end
$$;
grant execute on function private.crew_problem(jsonb, int) to authenticated, service_role;

-- The first problem of an entry's payload for its kind, or null; the kinds of ENTRY_KINDS.
-- One simple expression per kind, so PL/pgSQL plans each once and evaluates it without SPI;
-- no SET search_path, so the helpers of 20261126000005 inline into it (see there).
create function private.entry_payload_problem(kind text, p jsonb) returns text
language plpgsql stable
as $$
declare
  long_text constant int := 2000;
  short_text constant int := 200;
begin
  if kind is null or kind <> all (array['patrol', 'checkpoint', 'evening_shift', 'territory_check', 'snow_intervention',
                                     'maintenance_report', 'count_update', 'milestone_update', 'check']) then
    return format('unknown_kind:%s is not an entry kind', coalesce(kind, 'null'));
  end if;
  if jsonb_typeof(p) is distinct from 'object' then
    return 'invalid_payload:payload must be an object';
  end if;
  -- The longest valid payload is well under this; a 5 MB one is refused before any field.
  if octet_length(p::text) > 65536 then
    return 'field_too_large:payload is larger than 64 KB';
  end if;
  if kind = 'patrol' then
    return coalesce(
      private.span_problem(p, 'startedAt', 'endedAt', true),
      private.text_problem(p, 'zone', short_text, true),
      private.crew_problem(p -> 'crew', short_text),
      private.count_problem(p, 'checkpoints'),
      private.violations_problem(p),
      private.text_problem(p, 'notes', long_text, false),
      private.location_problem(p));
  elsif kind = 'checkpoint' then
    return coalesce(
      private.span_problem(p, 'startedAt', 'endedAt', true),
      private.text_problem(p, 'place', short_text, true),
      private.count_problem(p, 'vehiclesChecked'),
      private.violations_problem(p),
      private.text_problem(p, 'notes', long_text, false),
      private.location_problem(p));
  elsif kind = 'evening_shift' then
    return coalesce(
      private.span_problem(p, 'startedAt', 'endedAt', true),
      private.evening_window_problem(p),
      private.text_problem(p, 'programmeId', short_text, false),
      private.text_problem(p, 'occasion', short_text, false),
      private.text_problem(p, 'notes', long_text, false));
  elsif kind = 'territory_check' then
    return coalesce(
      private.choice_problem(p, 'topic', array['waste_abandonment', 'tree_cutting', 'vasp']),
      private.text_problem(p, 'place', short_text, true),
      private.choice_problem(p, 'outcome', array['ok', 'violation']),
      private.text_problem(p, 'notes', long_text, false),
      private.location_problem(p));
  elsif kind = 'snow_intervention' then
    return coalesce(
      private.text_problem(p, 'snowEventId', short_text, true),
      private.text_problem(p, 'routeId', short_text, true),
      private.choice_problem(p, 'action', array['ploughing', 'salting', 'both']),
      private.span_problem(p, 'startedAt', 'endedAt', true),
      private.text_problem(p, 'vehicle', short_text, true),
      private.amount_problem(p, 'saltKg'));
  elsif kind = 'maintenance_report' then
    return coalesce(
      private.choice_problem(p, 'category', array['signage', 'street_furniture', 'road_surface', 'other']),
      private.text_problem(p, 'description', long_text, true),
      private.text_problem(p, 'place', short_text, true),
      private.location_problem(p),
      private.span_problem(p, 'reportedAt', 'resolvedAt', false));
  elsif kind = 'count_update' then
    return coalesce(
      private.count_problem(p, 'quantity'),
      case when coalesce(jsonb_typeof(p -> 'total'), 'null') <> 'null' then private.count_problem(p, 'total') end,
      case when coalesce(jsonb_typeof(p -> 'total'), 'null') <> 'null'
             and (p ->> 'total')::numeric < (p ->> 'quantity')::numeric
        then 'invalid_payload:total cannot be below quantity' end,
      private.text_problem(p, 'note', long_text, false));
  elsif kind = 'milestone_update' then
    return coalesce(
      private.text_problem(p, 'step', short_text, true),
      private.boolean_problem(p, 'done'),
      private.text_problem(p, 'evidence', short_text, false),
      case when jsonb_typeof(p -> 'date') is distinct from 'string'
             or not private.is_instant((p ->> 'date') || 'T00:00Z') or p ->> 'date' !~ '^\d{4}-\d{2}-\d{2}$'
        then 'invalid_payload:date must be a calendar date YYYY-MM-DD' end);
  elsif kind = 'check' then
    return coalesce(
      private.choice_problem(p, 'outcome', array['ok', 'findings']),
      private.text_problem(p, 'findings', long_text, false),
      case when p ->> 'outcome' = 'findings' and btrim(coalesce(p ->> 'findings', '')) = ''
        then 'invalid_payload:findings is required when the outcome is findings' end,
      private.boolean_problem(p, 'critical'));
  end if;
  return null;
end
$$;
grant execute on function private.entry_payload_problem(text, jsonb) to authenticated, service_role;

create table public.entries (
  id uuid primary key,
  objective_id text not null references public.objectives (id),
  kind text not null,
  payload jsonb not null,
  -- Only maintenance reports have a workflow status.
  status text check (status in ('open', 'in_progress', 'resolved')),
  occurred_at timestamptz not null,
  author_id uuid not null references auth.users (id),
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  locked boolean not null default false,
  deleted boolean not null default false,
  txid bigint not null default private.current_txid(),
  constraint entries_payload_valid check (private.entry_payload_problem(kind, payload) is null),
  constraint entries_status_only_on_reports check ((kind = 'maintenance_report') = (status is not null))
);
-- The pull's keyset order (sync_pull): by transaction, then id as text in byte order.
create index entries_pull_idx on public.entries (txid, (id::text) collate "C");
create index entries_objective_occurred_idx on public.entries (objective_id, occurred_at) where not deleted;
create index entries_author_idx on public.entries (author_id);

-- The author is whoever is signed in; without a JWT (seed, service role) the given one is kept.
-- A new entry is never born locked unless a manager of its area creates it; a report starts open.
create function private.own_new_entry() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if auth.uid() is not null then
    new.author_id := auth.uid();
    new.locked := new.locked and private.manages_objective(new.objective_id);
  end if;
  new.updated_by := new.author_id;
  if new.kind = 'maintenance_report' and new.status is null then
    new.status := 'open';
  end if;
  return new;
end
$$;

-- What RLS cannot say per column: the kind is fixed; only a manager of the area (or an admin)
-- locks and unlocks, and a locked entry is frozen for everyone else; a manager reviewing someone
-- else's entry changes its status and lock, never its content.
create function private.guard_entry_change() returns trigger
language plpgsql set search_path = ''
as $$
declare
  reviewer boolean;
begin
  new.author_id := old.author_id;
  if auth.uid() is null then
    return new;
  end if;
  if new.kind is distinct from old.kind then
    perform private.reject('invalid_mutation', 'the kind of an entry cannot change');
  end if;
  reviewer := private.manages_objective(old.objective_id);
  if old.locked and not reviewer then
    perform private.reject('locked', 'the entry was locked by a manager');
  end if;
  if new.locked is distinct from old.locked and not reviewer then
    perform private.reject('forbidden', 'only a manager of the area locks entries');
  end if;
  if old.author_id is distinct from auth.uid() and not private.is_admin()
     and (new.objective_id, new.payload, new.occurred_at, new.deleted)
         is distinct from (old.objective_id, old.payload, old.occurred_at, old.deleted) then
    perform private.reject('forbidden', 'a manager reviews status and lock; the content belongs to its author');
  end if;
  return new;
end
$$;

-- Triggers fire in name order: ownership and guard first, then the server stamps.
create trigger entries_10_own before insert on public.entries
  for each row execute function private.own_new_entry();
create trigger entries_10_guard before update on public.entries
  for each row execute function private.guard_entry_change();
create trigger entries_20_stamp before insert or update on public.entries
  for each row execute function private.stamp_server_columns();

alter table public.entries enable row level security;
revoke all on public.entries from public, anon, authenticated;
-- No DELETE: deleting is a tombstone (deleted = true) that a pull carries to every device.
grant select, insert, update on public.entries to authenticated;
grant all on public.entries to service_role;

create policy entries_read on public.entries for select to authenticated
  using (author_id = (select auth.uid()) or private.works_on_objective(objective_id));
create policy entries_insert on public.entries for insert to authenticated
  with check (author_id = (select auth.uid()) and private.works_on_objective(objective_id));
create policy entries_update on public.entries for update to authenticated
  using ((author_id = (select auth.uid()) and private.works_on_objective(objective_id))
         or private.manages_objective(objective_id))
  with check ((author_id = (select auth.uid()) and private.works_on_objective(objective_id))
              or private.manages_objective(objective_id));

insert into private.sync_tables (entity, table_name, id_is_uuid) values ('entry', 'entries', true);
insert into private.sync_columns (entity, wire_name, column_name, client_writable, is_instant) values
  ('entry', 'id', 'id', false, false),
  ('entry', 'objectiveId', 'objective_id', true, false),
  ('entry', 'kind', 'kind', true, false),
  ('entry', 'payload', 'payload', true, false),
  ('entry', 'status', 'status', true, false),
  ('entry', 'occurredAt', 'occurred_at', true, true),
  ('entry', 'authorId', 'author_id', false, false),
  ('entry', 'createdAt', 'created_at', false, true),
  ('entry', 'updatedAt', 'updated_at', false, true),
  ('entry', 'updatedBy', 'updated_by', false, false),
  ('entry', 'version', 'version', false, false),
  ('entry', 'locked', 'locked', true, false),
  ('entry', 'deleted', 'deleted', true, false);
