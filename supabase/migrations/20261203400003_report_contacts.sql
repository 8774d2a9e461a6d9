-- Who reported a maintenance report (issue 13 "Intake"): a citizen's name and how to reach them,
-- taken by staff or an officer on the phone, by PEC, at the desk. Personal data, so it lives
-- apart from the entry: not on the wire (no pull carries it, so no worker's device holds it), not
-- in entry_history, exports of entries or any public output. Staff and managers of the report's
-- area read it; whoever logged the report, and they, write it.

create table public.report_contacts (
  entry_id uuid primary key references public.entries (id) on delete cascade,
  name text not null default '' constraint report_contacts_name_length check (char_length(name) <= 200),
  phone text not null default '' constraint report_contacts_phone_length check (char_length(phone) <= 200),
  email text not null default '' constraint report_contacts_email_length check (char_length(email) <= 200),
  note text not null default '' constraint report_contacts_note_length check (char_length(note) <= 2000),
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);

-- Staff and managers of the area that owns the report's objective (not of a contributing one), and admins.
create function private.reads_report_contact(entry uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.entries e
    join public.objectives o on o.id = e.objective_id
    join public.profiles p on p.id = auth.uid()
    where e.id = entry and e.kind = 'maintenance_report'
      and (p.role = 'admin' or (p.role in ('staff', 'manager') and p.area_id = o.area_id)));
end
$$;
revoke all on function private.reads_report_contact(uuid) from public, anon;
grant execute on function private.reads_report_contact(uuid) to authenticated, service_role;

alter table public.report_contacts enable row level security;
revoke all on public.report_contacts from public, anon, authenticated;
grant select on public.report_contacts to authenticated;
grant all on public.report_contacts to service_role;
create policy report_contacts_read on public.report_contacts for select to authenticated
  using ((select private.reads_report_contact(entry_id)));

-- Saves (replaces) the contact of a report. The author may write it without being able to read
-- it back: an officer takes a call in the field, the office follows it up.
create function public.save_report_contact(entry_id uuid, contact jsonb) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  author uuid := (select e.author_id from public.entries e where e.id = save_report_contact.entry_id and e.kind = 'maintenance_report');
  fields text[] := array['name', 'phone', 'email', 'note'];
begin
  if auth.uid() is null or author is null
     or not (author = auth.uid() or private.reads_report_contact(save_report_contact.entry_id)) then
    perform private.reject('forbidden', 'only the report''s author, and staff and managers of its area, write its reporter''s contact');
  end if;
  if jsonb_typeof(contact) is distinct from 'object'
     or exists (select 1 from jsonb_each(contact) f where f.key <> all (fields) or jsonb_typeof(f.value) <> 'string') then
    perform private.reject('invalid_payload', 'a contact has text fields name, phone, email and note');
  end if;
  if btrim(coalesce(contact ->> 'name', '') || coalesce(contact ->> 'phone', '') || coalesce(contact ->> 'email', '')) = '' then
    perform private.reject('contact_required', 'give a name, a phone number or an e-mail address');
  end if;
  insert into public.report_contacts as c (entry_id, name, phone, email, note, updated_by)
  values (save_report_contact.entry_id, btrim(coalesce(contact ->> 'name', '')), btrim(coalesce(contact ->> 'phone', '')),
          btrim(coalesce(contact ->> 'email', '')), btrim(coalesce(contact ->> 'note', '')), auth.uid())
  on conflict on constraint report_contacts_pkey do update
    set name = excluded.name, phone = excluded.phone, email = excluded.email, note = excluded.note,
        updated_by = excluded.updated_by, updated_at = now();
end
$$;
revoke all on function public.save_report_contact(uuid, jsonb) from public, anon;
grant execute on function public.save_report_contact(uuid, jsonb) to authenticated, service_role;

-- The contact of a report, for those who may read it; null otherwise (or when none was taken).
create function public.report_contact(entry_id uuid) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object('name', c.name, 'phone', c.phone, 'email', c.email, 'note', c.note,
                            'updatedAt', private.iso_utc(c.updated_at))
  from public.report_contacts c
  where c.entry_id = report_contact.entry_id
$$;
revoke all on function public.report_contact(uuid) from public, anon;
grant execute on function public.report_contact(uuid) to authenticated, service_role;
