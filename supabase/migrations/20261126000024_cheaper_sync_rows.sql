-- Cheaper per row for sync_pull and sync_push (issue 4, Benchmark). Same answers; what changes
-- is how much work each row costs:
-- - A row goes on the wire through one jsonb_build_object written from private.sync_columns
--   (private.wire_expression) inside the query that reads it, instead of private.to_wire, a
--   function call per row that reads sync_columns again each time (≈30 µs a row).
-- - The entries policies ask "does the caller work on this objective?" once per statement (the
--   caller's objectives, an InitPlan) instead of once per row (private.works_on_objective, ≈10 µs).
-- - sync_pull builds each change in the page query and encodes the cursor once per page.

-- The SQL expression that builds an entity's wire row (as private.to_wire does from to_jsonb of
-- it) from the columns of `alias`: the same keys and values, null columns as JSON null, instants
-- in ISO-8601 UTC. Column names come from the catalogue and are quoted, never caller input.
create function private.wire_expression(entity text, alias text) returns text
language sql stable set search_path = ''
as $$
  select format('jsonb_build_object(%s)', string_agg(format(
           case when c.is_instant then '%L, private.iso_utc(%I.%I)' else '%L, %I.%I' end,
           c.wire_name, alias, c.column_name), ', ' order by c.wire_name))
  from private.sync_columns c
  where c.entity = wire_expression.entity
$$;
revoke all on function private.wire_expression(text, text) from public, anon;
grant execute on function private.wire_expression(text, text) to authenticated, service_role;

-- The objectives the caller works on: private.works_on_objective(o) holds exactly for these
-- (same rule, same tables, same snapshot), read once where a policy would ask once per row.
create function private.my_objectives() returns text[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(
    select o.id from public.profiles p, public.objectives o
    where p.id = auth.uid()
      and (p.role = 'admin' or o.area_id = p.area_id or p.area_id = any (o.contributing_areas)));
end
$$;
revoke all on function private.my_objectives() from public, anon;
grant execute on function private.my_objectives() to authenticated, service_role;

-- The same policies as 20261126000006; `(select …)` makes the objectives an InitPlan.
drop policy entries_read on public.entries;
create policy entries_read on public.entries for select to authenticated
  using (author_id = (select auth.uid()) or objective_id = any ((select private.my_objectives())::text[]));
drop policy entries_insert on public.entries;
create policy entries_insert on public.entries for insert to authenticated
  with check (author_id = (select auth.uid()) and objective_id = any ((select private.my_objectives())::text[]));

-- As in 20261126000012, each change built where its row is read.
create or replace function private.pull_query() returns text
language sql stable set search_path = ''
as $$
  select format('select * from (%s) u order by u.txid, u.entity collate "C", u.id collate "C" limit $5',
    string_agg(format(
      -- See 20261126000012 for the keyset bounds.
      '(select %1$L::text as entity, t.id::text as id, t.txid,
               jsonb_build_object(''entity'', %1$L::text, ''id'', t.id::text, ''deleted'', t.deleted, ''version'', t.version,
                                  ''row'', case when t.deleted then null else %3$s end) as change
        from (select * from public.%2$I t
              where t.txid >= $1 and t.txid < $4
                and (t.txid, t.id::text collate "C") > (
                  case when %1$L::text collate "C" < $2 collate "C" then $1 + 1 else $1 end,
                  case when %1$L::text = $2 then $3 else '''' end collate "C")
              order by t.txid, t.id::text collate "C" limit $5) t)',
      s.entity, s.table_name, private.wire_expression(s.entity, 't')), ' union all '))
  from private.sync_tables s
$$;

-- Same contract as 20261126000012; lim is now clamped to 1..2000 (a page of 2,000 entries is
-- about 1.3 MB of JSON).
create or replace function public.sync_pull(cursor text default null, lim int default 500) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  after record := private.decode_cursor(sync_pull.cursor);
  page_size int := greatest(1, least(coalesce(lim, 500), 2000));
  changes jsonb[] := '{}';
  change record;
  last_change record;
  next_cursor text := coalesce(sync_pull.cursor, '');
  has_more boolean := false;
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'not_authenticated', detail = 'sync_pull needs a signed-in user';
  end if;
  for change in execute private.pull_query()
    using after.txid, after.entity, after.id, private.pull_horizon(), page_size + 1
  loop
    if cardinality(changes) = page_size then
      has_more := true;
      exit;
    end if;
    changes := changes || change.change;
    last_change := change;
  end loop;
  if cardinality(changes) > 0 then
    next_cursor := private.encode_cursor(last_change.txid, last_change.entity, last_change.id);
  end if;
  return jsonb_build_object('changes', to_jsonb(changes), 'cursor', next_cursor, 'hasMore', has_more);
end
$$;
