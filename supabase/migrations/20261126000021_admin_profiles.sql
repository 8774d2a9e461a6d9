-- Admins assign roles and areas from the app (/amministrazione, issue 6 item 6).
-- Both functions are SECURITY INVOKER: the profiles policies decide who reads and who changes
-- which row (profiles_read, profiles_admin_update). They add only what a policy cannot say:
-- at least one admin must remain.

create function public.list_profiles()
returns table (id uuid, display_name text, role text, area_id text)
language sql stable security invoker set search_path = ''
as $$
  select p.id, p.display_name, p.role, p.area_id from public.profiles p order by p.display_name, p.id
$$;

create function public.admin_set_profile(user_id uuid, role text, area text)
returns public.profiles
language plpgsql security invoker set search_path = ''
as $$
declare
  changed public.profiles;
begin
  -- Locking the admins' rows serialises two admins demoting each other at the same time.
  perform 1 from public.profiles p where p.role = 'admin' for update;
  if admin_set_profile.role is distinct from 'admin'
     and exists (select 1 from public.profiles p where p.id = admin_set_profile.user_id and p.role = 'admin')
     and (select count(*) from public.profiles p where p.role = 'admin') <= 1 then
    raise exception 'the last admin cannot lose the admin role' using errcode = 'P0001', hint = 'last_admin';
  end if;
  update public.profiles p
     set role = admin_set_profile.role, area_id = admin_set_profile.area, updated_at = now()
   where p.id = admin_set_profile.user_id
  returning p.* into changed;
  -- No row: the policy hid it (not an admin) or it does not exist; the caller learns neither.
  if changed.id is null then
    raise exception 'no profile you may change' using errcode = '42501', hint = 'forbidden';
  end if;
  return changed;
end
$$;

revoke all on function public.list_profiles(), public.admin_set_profile(uuid, text, text) from public, anon;
grant execute on function public.list_profiles(), public.admin_set_profile(uuid, text, text) to authenticated, service_role;
