-- The crew's after-photo (issue 13): whoever a report's work order is assigned to adds photos to
-- that report, as its author does (20261126000020). The photo stays the taker's (author_id is the
-- caller, as before); a worker the order is not assigned to is refused ('forbidden'), and an
-- assignee taken off the order (a hand-back, a reassignment) adds no more. The rest of upload_photo
-- is as in 20261126000020, restated because a migration cannot patch a function body.

-- Security definer: the right asks of the entry and of its order whatever their policies show.
create function private.adds_photos_to(entry uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.entries e where e.id = entry and e.author_id = auth.uid())
      or exists (select 1 from public.work_orders w where w.id = entry and not w.deleted and auth.uid() = any (w.assignees))
$$;
revoke all on function private.adds_photos_to(uuid) from public, anon;
grant execute on function private.adds_photos_to(uuid) to authenticated, service_role;

-- The policy keeps its rule that the entry is readable (the subquery runs under the entries policy).
drop policy entry_photos_insert on public.entry_photos;
create policy entry_photos_insert on public.entry_photos for insert to authenticated
  with check (author_id = (select auth.uid())
              and exists (select 1 from public.entries e where e.id = entry_id)
              and private.adds_photos_to(entry_id));

create or replace function public.upload_photo(photo jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  photo_id text := case when jsonb_typeof(photo) = 'object' then photo ->> 'id' end;
  problem text;
  data bytea;
  stored public.entry_photos;
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
  perform from public.entries e where e.id = (photo ->> 'entryId')::uuid and not e.deleted;
  if not found then
    return private.rejection(photo_id, 'not_found', 'the entry is not on the server yet');
  end if;
  if not private.adds_photos_to((photo ->> 'entryId')::uuid) then
    return private.rejection(photo_id, 'forbidden', 'only the author of an entry, or an assignee of its work order, adds its photos');
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
