-- Roles and areas assigned from the app: admin_set_profile and list_profiles (migration 21).
begin;
select plan(9);
\ir support/fixtures.psql

select * from tests.create_cast() \gset
-- The seed may hold demo admins: here the cast's admin is the only one.
update public.profiles set role = 'manager' where role = 'admin' and id <> :'admin';

select tests.act_as(:'police_manager');
select throws_ok(format('select public.admin_set_profile(%L, %L, %L)', :'officer', 'manager', 'polizia_locale'),
  '42501', null, 'a manager cannot change a colleague''s role');
select throws_ok(format('select public.admin_set_profile(%L, %L, null)', :'police_manager', 'admin'),
  '42501', null, 'nor make themself admin');
select is((select count(*)::int from public.list_profiles() where area_id is distinct from 'polizia_locale'), 0,
  'a manager lists only the profiles of their own area');

select tests.act_as(:'admin');
select is((select count(*)::int from public.list_profiles() p where p.id in (:'officer', :'worker', :'finance', :'newcomer')), 4,
  'an admin lists every profile');
select results_eq(format('select role, area_id from public.admin_set_profile(%L, %L, %L)', :'worker', 'manager', 'sociale'),
  $$values ('manager'::text, 'sociale'::text)$$, 'an admin makes the worker manager of the social services');
select results_eq(format('select role, area_id from public.profiles where id = %L', :'worker'),
  $$values ('manager'::text, 'sociale'::text)$$, 'and the profile keeps the change');
select throws_ok(format('select public.admin_set_profile(%L, %L, %L)', :'admin', 'manager', 'territorio'),
  'P0001', 'the last admin cannot lose the admin role', 'the only admin cannot demote themself');
select lives_ok(format('select public.admin_set_profile(%L, %L, null)', :'finance', 'admin'), 'an admin names a second admin');
select results_eq(format('select role from public.admin_set_profile(%L, %L, %L)', :'admin', 'manager', 'territorio'),
  $$values ('manager'::text)$$, 'then may step down');

select * from finish();
rollback;
