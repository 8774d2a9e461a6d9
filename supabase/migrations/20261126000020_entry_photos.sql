-- Photos of entries (issue 5 item 7): a table reached through RPCs, not Supabase Storage.
-- Why (README "Photos"): one data path (RPC + RLS) that the local stack serves to the unmodified
-- supabase-js client and that pgTAP tests; photos are resized on the device (long edge ≤ 1600 px,
-- JPEG, ≈ 200–500 KB), so 2 MB is a generous cap.
--
-- public.upload_photo(photo jsonb) returns jsonb
-- In: { id (UUID made on the device), entryId, mime: 'image/jpeg', width, height, bytes, data (base64) }.
-- Out: { id, status: 'applied', bytes } or { id, status: 'rejected', code (REJECT_CODES), message }.
-- - At most once per photo id: a retry after a lost answer gets 'applied' again and no second row;
--   another photo under the same id is rejected 'invalid_mutation'.
-- - The entry must be on the server: 'not_found' tells the device to retry after its entry syncs.
-- - Only the entry's author adds its photos ('forbidden'); size, type and dimensions are checked
--   ('field_too_large', 'invalid_payload').
-- public.photo_data(photo_id uuid) returns text: the photo as base64, for whoever can see its entry
-- (null otherwise).

create table public.entry_photos (
  id uuid primary key,
  entry_id uuid not null references public.entries (id) on delete cascade,
  author_id uuid not null references auth.users (id),
  mime text not null constraint entry_photos_mime_jpeg check (mime = 'image/jpeg'),
  width int not null constraint entry_photos_width_range check (width between 1 and 8000),
  height int not null constraint entry_photos_height_range check (height between 1 and 8000),
  bytes int not null constraint entry_photos_bytes_length check (bytes between 1 and 2097152),
  data bytea not null,
  created_at timestamptz not null default now(),
  constraint entry_photos_bytes_match check (bytes = octet_length(data))
);
-- JPEG does not compress further: store it out of line without trying (TOAST 'external').
alter table public.entry_photos alter column data set storage external;
create index entry_photos_entry_idx on public.entry_photos (entry_id);

-- The author is whoever is signed in, and the server says when; without a JWT (seed, service role)
-- the given author is kept.
create function private.own_new_photo() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.author_id := coalesce(auth.uid(), new.author_id);
  new.created_at := now();
  return new;
end
$$;
create trigger entry_photos_10_own before insert on public.entry_photos
  for each row execute function private.own_new_photo();

alter table public.entry_photos enable row level security;
revoke all on public.entry_photos from public, anon, authenticated;
-- No UPDATE, no DELETE: a photo is evidence; it goes away only with its entry.
grant select, insert on public.entry_photos to authenticated;
grant all on public.entry_photos to service_role;

-- The subqueries read public.entries under its own RLS: "the entry is visible to the caller".
create policy entry_photos_read on public.entry_photos for select to authenticated
  using (exists (select 1 from public.entries e where e.id = entry_id));
create policy entry_photos_insert on public.entry_photos for insert to authenticated
  with check (author_id = (select auth.uid())
              and exists (select 1 from public.entries e where e.id = entry_id and e.author_id = (select auth.uid())));

-- The first problem of an upload's metadata as 'code:reason', or null. The data is checked once decoded.
create function private.photo_problem(photo jsonb) returns text
language sql immutable set search_path = ''
as $$
  select case
    when not private.is_uuid(photo ->> 'entryId') then 'invalid_payload:entryId must be a UUID'
    when photo ->> 'mime' is distinct from 'image/jpeg' then 'invalid_payload:only image/jpeg photos are accepted'
    when coalesce(photo ->> 'width', '') !~ '^\d{1,4}$' or (photo ->> 'width')::int not between 1 and 8000
      then 'invalid_payload:width must be a whole number of pixels up to 8000'
    when coalesce(photo ->> 'height', '') !~ '^\d{1,4}$' or (photo ->> 'height')::int not between 1 and 8000
      then 'invalid_payload:height must be a whole number of pixels up to 8000'
    when jsonb_typeof(photo -> 'data') is distinct from 'string' then 'invalid_payload:data must be base64 text'
    -- 2 MB of bytes is at most 2 796 204 base64 characters: refuse bigger text before decoding it.
    when length(photo ->> 'data') > 2796204 then 'field_too_large:a photo is at most 2 MB'
  end
$$;

-- The answer to an upload whose id is already stored: the same photo again, or a clash.
create function private.photo_replay(stored public.entry_photos, photo jsonb, data bytea) returns jsonb
language sql stable set search_path = ''
as $$
  select case
    when stored.author_id is distinct from auth.uid() then
      private.rejection(stored.id::text, 'forbidden', 'this photo id belongs to another user')
    when (stored.entry_id::text, stored.mime, stored.width, stored.height, stored.data)
         is not distinct from (photo ->> 'entryId', photo ->> 'mime', (photo ->> 'width')::int, (photo ->> 'height')::int, data)
      then jsonb_build_object('id', stored.id, 'status', 'applied', 'bytes', stored.bytes)
    else private.rejection(stored.id::text, 'invalid_mutation', 'another photo is already stored under this id')
  end
$$;

create function public.upload_photo(photo jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  photo_id text := case when jsonb_typeof(photo) = 'object' then photo ->> 'id' end;
  problem text;
  data bytea;
  stored public.entry_photos;
  entry_author uuid;
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'not_authenticated', detail = 'upload_photo needs a signed-in user';
  end if;
  if not private.is_uuid(photo_id) then
    return private.rejection(photo_id, 'invalid_mutation', 'a photo is an object with a UUID id');
  end if;
  problem := private.photo_problem(photo);
  if problem is not null then
    return private.rejection(photo_id, split_part(problem, ':', 1), substr(problem, strpos(problem, ':') + 1));
  end if;
  begin
    data := decode(photo ->> 'data', 'base64');
  exception when invalid_parameter_value then
    return private.rejection(photo_id, 'invalid_payload', 'data is not valid base64');
  end;
  if octet_length(data) > 2097152 then
    return private.rejection(photo_id, 'field_too_large', 'a photo is at most 2 MB');
  end if;
  -- The label alone proves nothing: a JPEG starts with the SOI marker FF D8 FF.
  if substr(data, 1, 3) is distinct from '\xffd8ff'::bytea then
    return private.rejection(photo_id, 'invalid_payload', 'the data is not a JPEG image');
  end if;

  select * into stored from public.entry_photos p where p.id = photo_id::uuid;
  if found then
    return private.photo_replay(stored, photo, data);
  end if;
  select e.author_id into entry_author from public.entries e where e.id = (photo ->> 'entryId')::uuid and not e.deleted;
  if not found then
    return private.rejection(photo_id, 'not_found', 'the entry is not on the server yet');
  end if;
  if entry_author is distinct from auth.uid() then
    return private.rejection(photo_id, 'forbidden', 'only the author of an entry adds its photos');
  end if;
  begin
    insert into public.entry_photos (id, entry_id, author_id, mime, width, height, bytes, data)
    values (photo_id::uuid, (photo ->> 'entryId')::uuid, auth.uid(), photo ->> 'mime',
            (photo ->> 'width')::int, (photo ->> 'height')::int, octet_length(data), data);
  exception when unique_violation then
    -- A concurrent retry of the same upload committed first, or the id is taken by a photo we cannot see.
    select * into stored from public.entry_photos p where p.id = photo_id::uuid;
    if found then
      return private.photo_replay(stored, photo, data);
    end if;
    return private.rejection(photo_id, 'forbidden', 'the photo id belongs to a photo you cannot see');
  end;
  return jsonb_build_object('id', photo_id, 'status', 'applied', 'bytes', octet_length(data));
end
$$;

create function public.photo_data(photo_id uuid) returns text
language sql stable security invoker set search_path = ''
as $$
  -- encode() breaks base64 into 76-character lines; the wire carries one line.
  select translate(encode(p.data, 'base64'), E'\n', '') from public.entry_photos p where p.id = photo_data.photo_id
$$;

revoke all on function private.own_new_photo() from public;
grant execute on function private.photo_problem(jsonb), private.photo_replay(public.entry_photos, jsonb, bytea)
  to authenticated, service_role;
revoke all on function public.upload_photo(jsonb), public.photo_data(uuid) from public, anon;
grant execute on function public.upload_photo(jsonb), public.photo_data(uuid) to authenticated, service_role;
