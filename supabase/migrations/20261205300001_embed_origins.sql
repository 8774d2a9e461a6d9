-- Embedding the public performance page (issue 15 item 4, docs/transparency.md): the comune's own
-- sites may frame /trasparenza/incorpora, and no other site. The app's server sends the origins
-- listed here as that page's CSP `frame-ancestors` (supabase/local/serve-app.ts).
-- - public.embed_origins: https origins only, as the browser compares them: scheme, host and an
--   optional port, lower case; no path, no wildcard. Nobody reads the table through the API.
-- - add_embed_origin / remove_embed_origin: admins only; bad input is refused with a code and
--   changes nothing.
-- - embed_origins(): the list, for anyone. It is public anyway: every embed response carries it.

-- Why an origin cannot be listed, null when it can. The same rule as src/features/transparency/
-- embed-origin.ts; a value that passes is safe inside a response header (no space, `;` or newline).
create function private.embed_origin_problem(origin text) returns text
language sql immutable set search_path = ''
as $$
  select case
    when origin is null or origin = '' then 'the origin is required'
    when origin !~ '^https://' then 'only https origins may embed the page'
    when origin ~ '\*' then 'a wildcard is not an origin: list each site'
    when origin !~ '^https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[1-9][0-9]{0,4})?$'
      or char_length(origin) > 262
      or coalesce(substring(origin from ':([0-9]+)$')::int, 1) > 65535
      then 'an origin is https://host or https://host:port, in lower case, with no path'
  end
$$;

create table public.embed_origins (
  origin text primary key
    constraint embed_origins_origin check (private.embed_origin_problem(origin) is null),
  added_at timestamptz not null default clock_timestamp(),
  -- Who listed it, for the record; never in a public answer.
  added_by uuid
);

alter table public.embed_origins enable row level security;
revoke all on public.embed_origins from public, anon, authenticated;
grant select, insert, delete on public.embed_origins to service_role;

-- A CSP header is not the place for a long list: a comune has a handful of sites.
create function private.embed_origins_limit() returns int language sql immutable set search_path = '' as $$ select 20 $$;

create function private.embed_origin_list() returns jsonb
language sql stable set search_path = ''
as $$ select coalesce(jsonb_agg(e.origin order by e.origin), '[]') from public.embed_origins e $$;

revoke all on function private.embed_origin_problem(text), private.embed_origins_limit(), private.embed_origin_list()
  from public, anon, authenticated;
-- The table's check calls it as whoever inserts: the service role may write the table directly.
grant execute on function private.embed_origin_problem(text) to service_role;

create function public.add_embed_origin(origin text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  problem text := private.embed_origin_problem(add_embed_origin.origin);
begin
  perform private.require_plan_admin();
  if problem is not null then
    return private.plan_refusal('invalid_origin', problem);
  end if;
  perform pg_advisory_xact_lock(hashtext('sulcampo.embed_origins'));
  if not exists (select 1 from public.embed_origins e where e.origin = add_embed_origin.origin)
     and (select count(*) from public.embed_origins) >= private.embed_origins_limit() then
    return private.plan_refusal('too_many_origins', format('at most %s origins may embed the page', private.embed_origins_limit()));
  end if;
  -- Listing one already listed changes nothing and is no error: the admin's wish holds.
  insert into public.embed_origins (origin, added_by) values (add_embed_origin.origin, auth.uid())
  on conflict on constraint embed_origins_pkey do nothing;
  return jsonb_build_object('status', 'listed', 'origins', private.embed_origin_list());
end
$$;

create function public.remove_embed_origin(origin text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform private.require_plan_admin();
  delete from public.embed_origins e where e.origin = remove_embed_origin.origin;
  if not found then
    return private.plan_refusal('not_listed', format('%s is not listed', coalesce(remove_embed_origin.origin, 'null')));
  end if;
  return jsonb_build_object('status', 'listed', 'origins', private.embed_origin_list());
end
$$;

revoke all on function public.add_embed_origin(text), public.remove_embed_origin(text) from public, anon;
grant execute on function public.add_embed_origin(text), public.remove_embed_origin(text) to authenticated, service_role;

-- The public reader: the origins only, sorted; never who listed them or when.
create function public.embed_origins() returns jsonb
language sql stable security definer set search_path = ''
as $$ select private.embed_origin_list() $$;

revoke all on function public.embed_origins() from public;
grant execute on function public.embed_origins() to anon, authenticated, service_role;
