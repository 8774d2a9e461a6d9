-- Demo accounts for the local stack (npm run backend / npm start / tests), one per role.
-- DEMO ONLY: every account's password is `sulcampo-demo`; never load this into a real project.
-- Stable ids so tests and docs can name them; idempotent (an existing account is left as it is).
-- Role and area go in raw_app_meta_data, where the profiles trigger reads them
-- (migration 20261126000002_profiles.sql); the display name in raw_user_meta_data.

insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at
)
select
  '00000000-0000-0000-0000-000000000000', demo.id::uuid, 'authenticated', 'authenticated', demo.email,
  extensions.crypt('sulcampo-demo', extensions.gen_salt('bf', 10)), now(),
  jsonb_strip_nulls(jsonb_build_object('provider', 'email', 'providers', array['email'], 'role', demo.role, 'area_id', demo.area_id)),
  jsonb_build_object('display_name', demo.display_name), now(), now()
from (values
  ('5c000000-0000-4000-8000-000000000001', 'agente@sulcampo.test', 'officer', 'polizia_locale', 'Agente Laura Bianchi'),
  ('5c000000-0000-4000-8000-000000000002', 'agente2@sulcampo.test', 'officer', 'polizia_locale', 'Agente Marco Rota'),
  ('5c000000-0000-4000-8000-000000000003', 'comandante@sulcampo.test', 'manager', 'polizia_locale', 'Comandante Paola Zanini'),
  ('5c000000-0000-4000-8000-000000000004', 'operaio@sulcampo.test', 'worker', 'territorio', 'Operaio Luca Bertoni'),
  ('5c000000-0000-4000-8000-000000000005', 'tecnico@sulcampo.test', 'manager', 'territorio', 'Responsabile Anna Ghirardi'),
  ('5c000000-0000-4000-8000-000000000006', 'admin@sulcampo.test', 'admin', null, 'Amministratore SulCampo')
) as demo (id, email, role, area_id, display_name)
where not exists (select 1 from auth.users u where u.id = demo.id::uuid or u.email = demo.email);

-- Real GoTrue (`supabase start`) cannot read NULL in these token columns; the local bootstrap has none of them.
do $$
begin
  if exists (select 1 from information_schema.columns
             where table_schema = 'auth' and table_name = 'users' and column_name = 'confirmation_token') then
    execute $sql$
      update auth.users set confirmation_token = coalesce(confirmation_token, ''),
        recovery_token = coalesce(recovery_token, ''), email_change_token_new = coalesce(email_change_token_new, ''),
        email_change = coalesce(email_change, '')
      where email like '%@sulcampo.test'
    $sql$;
  end if;
end
$$;

-- The territorio snow plan ("PIANO NEVE"): five routes served in priority order, and one
-- past snow event, so the snow intervention flow and its completion indicator have data.
insert into public.snow_routes (id, name, description, priority)
values
  ('5c000000-0000-4000-8000-000000000101', 'Centro e municipio', 'Via Roma, piazza Umberto I, accesso al municipio', 1),
  ('5c000000-0000-4000-8000-000000000102', 'Scuole', 'Accessi alle scuole primaria e secondaria', 2),
  ('5c000000-0000-4000-8000-000000000103', 'Strada per Fraine', 'Tornanti e parcheggio della frazione', 3),
  ('5c000000-0000-4000-8000-000000000104', 'Lungolago', 'Lungolago e parcheggi', 4),
  ('5c000000-0000-4000-8000-000000000105', 'Zona industriale', 'Strade della zona artigianale', 5)
on conflict (id) do nothing;

insert into public.snow_events (id, name, started_at, ended_at)
values ('5c000000-0000-4000-8000-000000000201', 'Nevicata del 12 gennaio 2026', '2026-01-12 05:00:00+00', '2026-01-12 17:00:00+00')
on conflict (id) do nothing;
