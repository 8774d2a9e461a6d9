-- Who each signed-in user is for SulCampo: a role and an area (ARCHITECTURE.md §3), one profile
-- per auth.users row, plus the helpers every policy asks ("may I work on this objective?").

-- Helpers live outside the schemas the API exposes: PostgREST cannot call them, our SQL can.
create schema if not exists private;
revoke all on schema private from public, anon;
grant usage on schema private to authenticated, service_role;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  role text not null default 'staff' check (role in ('officer', 'worker', 'staff', 'manager', 'admin')),
  area_id text references public.areas (id),
  display_name text not null default '' constraint profiles_display_name_length check (char_length(display_name) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index profiles_area_id_idx on public.profiles (area_id);

-- Role and area come only from app metadata, which only the service role can write; user
-- metadata is editable by the user (supabase.auth.updateUser), so it only names them.
-- Keys: raw_app_meta_data.role and raw_app_meta_data.area_id. A later change to app metadata
-- updates the profile, but a key it leaves out keeps its current value.
create function private.sync_profile_from_auth_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, role, area_id, display_name)
  values (
    new.id,
    coalesce(new.raw_app_meta_data ->> 'role', 'staff'),
    new.raw_app_meta_data ->> 'area_id',
    left(coalesce(new.raw_user_meta_data ->> 'display_name', split_part(new.email, '@', 1), ''), 200)
  )
  on conflict (id) do update set
    role = coalesce(new.raw_app_meta_data ->> 'role', public.profiles.role),
    area_id = case when new.raw_app_meta_data ? 'area_id' then new.raw_app_meta_data ->> 'area_id'
                   else public.profiles.area_id end,
    updated_at = now();
  return new;
end
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.sync_profile_from_auth_user();
create trigger on_auth_user_app_metadata_changed after update of raw_app_meta_data on auth.users
  for each row when (old.raw_app_meta_data is distinct from new.raw_app_meta_data)
  execute function private.sync_profile_from_auth_user();

-- The helpers below are SECURITY DEFINER because policies call them and profiles and
-- objectives have RLS of their own; each answers only about the calling user (auth.uid()).
-- PL/pgSQL rather than SQL: policies call them once per row, and PL/pgSQL keeps its plans.

create function private.my_role() returns text
language plpgsql stable security definer set search_path = ''
as $$ begin return (select p.role from public.profiles p where p.id = auth.uid()); end $$;

create function private.my_area() returns text
language plpgsql stable security definer set search_path = ''
as $$ begin return (select p.area_id from public.profiles p where p.id = auth.uid()); end $$;

create function private.is_admin() returns boolean
language plpgsql stable security definer set search_path = ''
as $$ begin return coalesce(private.my_role() = 'admin', false); end $$;

-- Reads and writes entries of an objective: its own area, or an area the PIAO lists as contributing.
-- The cross-cutting objectives (area trasversali) list every office as contributing, so every
-- user with an area works on them; a user without an area works on nothing but is not locked out.
create function private.works_on_objective(objective text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.profiles p, public.objectives o
    where p.id = auth.uid() and o.id = objective
      and (p.role = 'admin' or o.area_id = p.area_id or p.area_id = any (o.contributing_areas))
  );
end
$$;

create function private.works_in_area(area text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (select 1 from public.profiles p where p.id = auth.uid() and (p.role = 'admin' or p.area_id = area));
end
$$;

-- Reviews (report status, locks, baselines, targets, programmes): a manager of the area that owns it.
create function private.manages_area(area text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.profiles p
    where p.id = auth.uid() and (p.role = 'admin' or (p.role = 'manager' and p.area_id = area))
  );
end
$$;

create function private.manages_objective(objective text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$ begin return private.manages_area((select o.area_id from public.objectives o where o.id = objective)); end $$;

create function private.objective_exists(objective text) returns boolean
language plpgsql stable security definer set search_path = ''
as $$ begin return exists (select 1 from public.objectives o where o.id = objective); end $$;

revoke all on function private.sync_profile_from_auth_user() from public;
grant execute on function private.my_role(), private.my_area(), private.is_admin(),
  private.works_on_objective(text), private.works_in_area(text), private.manages_area(text),
  private.manages_objective(text), private.objective_exists(text) to authenticated, service_role;

alter table public.profiles enable row level security;
revoke all on public.profiles from public, anon, authenticated;
grant select, update on public.profiles to authenticated;
grant all on public.profiles to service_role;

-- Colleagues of the same area see each other's names (entries show their author).
create policy profiles_read on public.profiles for select to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()) or area_id = (select private.my_area()));
-- Roles and areas are assigned by an admin, never by the user.
create policy profiles_admin_update on public.profiles for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
