-- The PIAO catalogue is public information, but the app shows it to signed-in users only:
-- anon reads nothing (ARCHITECTURE.md §3). Nobody edits it through the API; the seed does.

revoke all on public.areas, public.plans, public.objectives from public, anon, authenticated;
grant select on public.areas, public.plans, public.objectives to authenticated;
grant all on public.areas, public.plans, public.objectives to service_role;

create policy areas_read on public.areas for select to authenticated using (true);
create policy plans_read on public.plans for select to authenticated using (true);
create policy objectives_read on public.objectives for select to authenticated using (true);
