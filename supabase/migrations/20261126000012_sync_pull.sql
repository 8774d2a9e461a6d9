-- public.sync_pull(cursor text default null, lim int default 500) returns jsonb
-- → PullPage { changes: [{ entity, id, deleted, version, row }], cursor, hasMore }.
-- Every synced row carries the id of the transaction that last wrote it (txid). A page holds
-- rows ordered by (txid, entity, id) after the cursor, but only rows below the horizon: the
-- oldest transaction still running (our own excepted). Every transaction below it has finished,
-- so no row can later appear below a cursor already handed out — unlike now()/updated_at,
-- where a transaction that started earlier but commits later would be skipped.
-- RLS decides what each user gets; deleted rows come as tombstones (row: null).
-- The cursor is opaque base64 of '1:txid:entity:id'; garbage, or a txid at or above the horizon
-- (never handed out; e.g. a cursor from before a restore), raises SQLSTATE 22023 'invalid_cursor'
-- (HTTP 400): the device then pulls again from the start. lim is clamped to 1..1000.
-- A user whose area changes should pull from the start: rows they could not see before sit
-- behind their cursor.

create function private.encode_cursor(txid bigint, entity text, id text) returns text
language sql immutable set search_path = ''
as $$ select translate(encode(convert_to(format('1:%s:%s:%s', txid, entity, id), 'UTF8'), 'base64'), E'\n', '') $$;

create function private.decode_cursor(cursor text, out txid bigint, out entity text, out id text)
language plpgsql stable set search_path = ''
as $$
declare
  parts text[];
begin
  if coalesce(cursor, '') = '' then
    txid := 0;
    entity := '';
    id := '';
    return;
  end if;
  begin
    parts := regexp_match(convert_from(decode(cursor, 'base64'), 'UTF8'), '^1:(\d{1,18}):([a-z_]{1,40}):(.{1,200})$');
  exception when others then
    parts := null;
  end;
  if parts is null or not exists (select 1 from private.sync_tables t where t.entity = parts[2])
     or parts[1]::bigint >= private.pull_horizon() then
    raise exception using errcode = '22023', message = 'invalid_cursor',
      detail = 'the cursor was not issued by this database; pull again from the start';
  end if;
  txid := parts[1]::bigint;
  entity := parts[2];
  id := parts[3];
end
$$;

-- The oldest transaction still running other than our own, or the snapshot's xmax. A pull from
-- PostgREST has no transaction id of its own; a test that wrote rows first does: its rows are
-- visible to it, so when nothing older runs its own id is not a bound either (xmax can equal it).
create function private.pull_horizon() returns bigint
language sql stable set search_path = ''
as $$
  select case when h.horizon = h.own then h.own + 1 else h.horizon end
  from (
    select coalesce(
             (select min(x::text::bigint) from pg_snapshot_xip(s.snap) x
              where x is distinct from pg_current_xact_id_if_assigned()),
             pg_snapshot_xmax(s.snap)::text::bigint) as horizon,
           pg_current_xact_id_if_assigned()::text::bigint as own
    from (select pg_current_snapshot() as snap) s
  ) h
$$;

-- One keyset query per synced table, merged in cursor order.
create function private.pull_query() returns text
language sql stable set search_path = ''
as $$
  select format('select * from (%s) u order by u.txid, u.entity collate "C", u.id collate "C" limit $5',
    string_agg(format(
      -- After (txid, entity, id) for this table's entity is after a (txid, id) pair: an entity
      -- sorting after the cursor's takes all of the cursor's txid (ids are never empty), one
      -- sorting before it starts at the next txid. Under RLS only the leakproof txid bounds can
      -- drive the *_pull_idx index scan; the pair comparison filters. The row becomes JSON only
      -- once it made the page.
      '(select %1$L::text as entity, t.id::text as id, t.txid, t.deleted, t.version, to_jsonb(t.*) as raw
        from (select * from public.%2$I t
              where t.txid >= $1 and t.txid < $4
                and (t.txid, t.id::text collate "C") > (
                  case when %1$L::text collate "C" < $2 collate "C" then $1 + 1 else $1 end,
                  case when %1$L::text = $2 then $3 else '''' end collate "C")
              order by t.txid, t.id::text collate "C" limit $5) t)', s.entity, s.table_name), ' union all '))
  from private.sync_tables s
$$;

create function public.sync_pull(cursor text default null, lim int default 500) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  after record := private.decode_cursor(sync_pull.cursor);
  page_size int := greatest(1, least(coalesce(lim, 500), 1000));
  changes jsonb[] := '{}';
  change record;
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
    changes := changes || jsonb_build_object(
      'entity', change.entity, 'id', change.id, 'deleted', change.deleted, 'version', change.version,
      'row', case when change.deleted then null else private.to_wire(change.entity, change.raw) end);
    next_cursor := private.encode_cursor(change.txid, change.entity, change.id);
  end loop;
  return jsonb_build_object('changes', to_jsonb(changes), 'cursor', next_cursor, 'hasMore', has_more);
end
$$;

grant execute on function private.encode_cursor(bigint, text, text), private.decode_cursor(text),
  private.pull_horizon(), private.pull_query() to authenticated, service_role;
revoke all on function public.sync_pull(text, int) from public, anon;
grant execute on function public.sync_pull(text, int) to authenticated;
