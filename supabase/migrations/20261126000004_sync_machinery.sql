-- What every synced table shares (ARCHITECTURE.md §4): server-owned columns stamped by a
-- trigger, whatever a client sends; the wire names of each entity's columns; the rejection
-- convention sync_push turns into { status: 'rejected', code, message }.

-- A rejection: SQLSTATE SC001, the REJECT_CODES code as the message, the reason as the detail.
create function private.reject(code text, reason text) returns void
language plpgsql volatile set search_path = ''
as $$
begin
  raise exception using errcode = 'SC001', message = code, detail = reason;
end
$$;

-- Instants on the wire are ISO-8601 with a zone, as the device's toISOString() writes them. The
-- zone is explicit, so the value does not depend on the session's TimeZone. A day the month does
-- not have (02-30) passes here and fails on the cast, which callers report as invalid_payload.
-- No SET search_path, so that it inlines (see 20261126000005_entry_payload_checks.sql).
create function private.is_instant(value text) returns boolean
language sql immutable
as $$
  select coalesce(value ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$', false)
$$;

create function private.iso_utc(t timestamptz) returns text
language sql immutable
as $$ select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;

-- The top-level transaction id (also inside sync_push's subtransactions): the pull cursor's clock.
create function private.current_txid() returns bigint
language sql volatile set search_path = ''
as $$ select pg_current_xact_id()::text::bigint $$;

create function private.stamp_server_columns() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.created_at := now();
    new.version := 1;
  else
    new.created_at := old.created_at;
    new.version := old.version + 1;
  end if;
  new.updated_at := now();
  -- Who changed it last: a stale update only conflicts with someone else's change.
  new.updated_by := coalesce(auth.uid(), case when tg_op = 'INSERT' then new.updated_by end);
  new.txid := private.current_txid();
  return new;
end
$$;

-- Which table each SyncEntity of src/domain/sync-protocol.ts lives in.
create table private.sync_tables (
  entity text primary key,
  table_name text not null unique,
  id_is_uuid boolean not null
);

-- Wire (camelCase) name of each column a pull sends; `client_writable` ones a push may set.
create table private.sync_columns (
  entity text not null references private.sync_tables (entity) on delete cascade,
  wire_name text not null,
  column_name text not null,
  client_writable boolean not null,
  is_instant boolean not null default false,
  primary key (entity, wire_name)
);

alter table private.sync_tables enable row level security;
alter table private.sync_columns enable row level security;
create policy sync_tables_read on private.sync_tables for select to authenticated using (true);
create policy sync_columns_read on private.sync_columns for select to authenticated using (true);
grant select on private.sync_tables, private.sync_columns to authenticated, service_role;

-- A row (to_jsonb of the table row) as the wire carries it.
create function private.to_wire(entity text, raw jsonb) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_object_agg(
    c.wire_name,
    case
      when c.is_instant and raw ->> c.column_name is not null
        then to_jsonb(private.iso_utc((raw ->> c.column_name)::timestamptz))
      else coalesce(raw -> c.column_name, 'null'::jsonb)
    end)
  from private.sync_columns c
  where c.entity = to_wire.entity
$$;

-- The fields of a mutation's data a client may set, renamed to columns; anything else is ignored.
create function private.from_wire(entity text, data jsonb) returns jsonb
language plpgsql stable set search_path = ''
as $$
declare
  not_an_instant text;
begin
  select c.wire_name into not_an_instant
  from private.sync_columns c
  where c.entity = from_wire.entity and c.client_writable and c.is_instant
    and coalesce(jsonb_typeof(data -> c.wire_name), 'null') <> 'null'
    and not (jsonb_typeof(data -> c.wire_name) = 'string' and private.is_instant(data ->> c.wire_name))
  limit 1;
  if not_an_instant is not null then
    perform private.reject('invalid_payload', format('%s must be an ISO-8601 instant with its zone', not_an_instant));
  end if;
  return (select coalesce(jsonb_object_agg(c.column_name, data -> c.wire_name), '{}'::jsonb)
          from private.sync_columns c
          where c.entity = from_wire.entity and c.client_writable and data ? c.wire_name);
end
$$;

grant execute on function private.reject(text, text), private.is_instant(text), private.iso_utc(timestamptz),
  private.current_txid(), private.to_wire(text, jsonb), private.from_wire(text, jsonb)
  to authenticated, service_role;
