-- Who changed what in an entry, and when (ARCHITECTURE.md §4: the losing value of a conflict
-- is kept and shown, not lost). Written only by the server: a trigger records every change,
-- sync_push records the values that lost a conflict. Fields use the wire names; a payload
-- change is recorded per payload key ('payload.description').
-- reason: 'edit' (a change), 'conflict_overwritten' (a stale edit by the author replaced newer
-- values: old_value is what was replaced), 'conflict_lost' (a proposed value lost to the stored
-- one: old_value is the value kept, new_value the one that lost and was not applied).

create table public.entry_history (
  id bigint generated always as identity primary key,
  entry_id uuid not null references public.entries (id) on delete cascade,
  changed_by uuid references auth.users (id) on delete set null,
  changed_at timestamptz not null default now(),
  -- The entry's version after the change (for conflict_lost: the version the value lost to).
  version int not null,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  reason text not null check (reason in ('edit', 'conflict_overwritten', 'conflict_lost'))
);
create index entry_history_entry_idx on public.entry_history (entry_id, changed_at);

alter table public.entry_history enable row level security;
revoke all on public.entry_history from public, anon, authenticated;
grant select on public.entry_history to authenticated;
grant all on public.entry_history to service_role;

-- Whoever may read the entry may read its history (the entries policy applies in the subquery).
create policy entry_history_read on public.entry_history for select to authenticated
  using (exists (select 1 from public.entries e where e.id = entry_id));

create function private.record_entry_changes() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.entry_history (entry_id, changed_by, version, field, old_value, new_value, reason)
  select new.id, auth.uid(), new.version, f.field, f.old_value, f.new_value,
         coalesce(nullif(current_setting('sulcampo.change_reason', true), ''), 'edit')
  from (
    values ('objectiveId', to_jsonb(old.objective_id), to_jsonb(new.objective_id)),
           ('status', to_jsonb(old.status), to_jsonb(new.status)),
           ('occurredAt', to_jsonb(private.iso_utc(old.occurred_at)), to_jsonb(private.iso_utc(new.occurred_at))),
           ('locked', to_jsonb(old.locked), to_jsonb(new.locked)),
           ('deleted', to_jsonb(old.deleted), to_jsonb(new.deleted))
    union all
    select 'payload.' || coalesce(o.key, n.key), o.value, n.value
    from jsonb_each(old.payload) o full join jsonb_each(new.payload) n on n.key = o.key
  ) as f (field, old_value, new_value)
  where f.old_value is distinct from f.new_value;
  return null;
end
$$;

create trigger entries_30_history after update on public.entries
  for each row execute function private.record_entry_changes();

-- A value proposed by the caller that lost a conflict to the stored one.
create function private.record_lost_value(entry uuid, version int, field text, kept jsonb, lost jsonb) returns void
language sql security definer set search_path = ''
as $$
  insert into public.entry_history (entry_id, changed_by, version, field, old_value, new_value, reason)
  values (entry, auth.uid(), version, field, kept, lost, 'conflict_lost')
$$;
revoke all on function private.record_entry_changes(), private.record_lost_value(uuid, int, text, jsonb, jsonb) from public;
grant execute on function private.record_lost_value(uuid, int, text, jsonb, jsonb) to authenticated, service_role;

-- The history of one entry, oldest first, for the entry's detail view.
create function public.entry_changes(entry_id uuid) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'field', h.field, 'version', h.version, 'oldValue', h.old_value, 'newValue', h.new_value, 'reason', h.reason,
      'changedBy', h.changed_by, 'changedAt', private.iso_utc(h.changed_at))
    order by h.changed_at, h.id), '[]'::jsonb)
  from public.entry_history h
  where h.entry_id = entry_changes.entry_id
$$;
revoke all on function public.entry_changes(uuid) from public, anon;
grant execute on function public.entry_changes(uuid) to authenticated, service_role;
