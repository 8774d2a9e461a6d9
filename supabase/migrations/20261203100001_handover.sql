-- Hand-over of unsent work (issue 14 item 3, docs/durability.md §4). A device that cannot sync
-- exports its user's pending mutations to a file; the same user on another device, or an admin,
-- applies it here. Each mutation goes through sync_push as if its author had pushed it: judged by
-- the author's rights and RLS, at most once per mutation id (private.applied_mutations), so a file
-- applied twice, or after the original device synced, changes nothing and answers as the first time.
-- Only the author or an admin may apply a file; each application is recorded with who applied it.

create table private.handovers (
  id bigint generated always as identity primary key,
  author_id uuid not null references auth.users (id) on delete cascade,
  applied_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  applied_at timestamptz not null default now(),
  mutations int not null,
  photos int not null default 0
);
alter table private.handovers enable row level security;
revoke all on private.handovers from public, anon, authenticated;
grant insert on private.handovers to authenticated;
grant all on private.handovers to service_role;
create policy handovers_own on private.handovers for insert to authenticated with check (applied_by = (select auth.uid()));
create policy handovers_admin_read on private.handovers for select to authenticated using ((select private.is_admin()));
grant select on private.handovers to authenticated;

-- The caller may apply `author`'s work: their own, or anyone's for an admin. Raised, not answered:
-- a file nobody may apply here is refused whole.
create function private.check_handover_rights(author uuid) returns void
language plpgsql stable set search_path = ''
as $$
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'not_authenticated', detail = 'applying a hand-over needs a signed-in user';
  end if;
  if author is null or (author <> auth.uid() and not private.is_admin()) then
    raise exception using errcode = '42501', message = 'handover_forbidden', detail = 'only the author of the work or an admin may apply it';
  end if;
end
$$;

-- Whose request this is, for the rest of the transaction: the claims auth.uid(), RLS and the rights
-- helpers read (`request.jwt.claims`, and `request.jwt.claim.sub` where an older PostgREST sets it).
-- Not reachable through the API (the private schema is not exposed), and no more than what
-- set_config itself allows in SQL; only apply_handover calls it, after check_handover_rights.
create function private.set_request_claims(claims text, sub text) returns void
language sql volatile set search_path = ''
as $$ select set_config('request.jwt.claims', claims, true), set_config('request.jwt.claim.sub', sub, true) $$;

-- In: the author's id, their mutations (as sync_push takes them, at most 1000) and photos (as
-- upload_photo takes them; a client sends them a few per call, they are large). Out:
-- { "mutations": [MutationResult…], "photos": [photo answer…] }, in order.
create function public.apply_handover(author uuid, mutations jsonb, photos jsonb default '[]') returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  claims text := coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}');
  sub text := coalesce(current_setting('request.jwt.claim.sub', true), '');
  answers jsonb;
  photo_answers jsonb;
begin
  perform private.check_handover_rights(author);
  if jsonb_typeof(photos) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'invalid_photos', detail = 'photos must be a JSON array';
  end if;
  perform private.set_request_claims((claims::jsonb || jsonb_build_object('sub', author))::text, case when sub = '' then '' else author::text end);
  answers := case when jsonb_typeof(mutations) = 'array' and jsonb_array_length(mutations) = 0 then '[]' else public.sync_push(mutations) end;
  select coalesce(jsonb_agg(public.upload_photo(p.value) order by p.position), '[]') into photo_answers
    from jsonb_array_elements(photos) with ordinality as p (value, position);
  perform private.set_request_claims(claims, sub);
  insert into private.handovers (author_id, applied_by, mutations, photos)
    values (author, caller, jsonb_array_length(answers), jsonb_array_length(photo_answers));
  return jsonb_build_object('mutations', answers, 'photos', photo_answers);
end
$$;

revoke all on function private.check_handover_rights(uuid), private.set_request_claims(text, text) from public, anon;
grant execute on function private.check_handover_rights(uuid), private.set_request_claims(text, text) to authenticated, service_role;
revoke all on function public.apply_handover(uuid, jsonb, jsonb) from public, anon;
grant execute on function public.apply_handover(uuid, jsonb, jsonb) to authenticated;
