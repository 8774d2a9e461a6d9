-- Sync bookkeeping: every mutation id sync_push has applied, with the answer it gave, so a
-- replay (the device never saw the answer) gets the same answer and changes nothing.
-- Rejected mutations are not kept: they changed nothing, and a retry is judged afresh.
-- Private: the API does not expose it; sync_push (SECURITY INVOKER) reads and writes it under RLS.

create table private.applied_mutations (
  id uuid primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  applied_at timestamptz not null default now(),
  result jsonb not null
);
create index applied_mutations_user_idx on private.applied_mutations (user_id, applied_at);

alter table private.applied_mutations enable row level security;
revoke all on private.applied_mutations from public, anon, authenticated;
grant select, insert, update on private.applied_mutations to authenticated;
grant all on private.applied_mutations to service_role;

create policy applied_mutations_own on private.applied_mutations for all to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
