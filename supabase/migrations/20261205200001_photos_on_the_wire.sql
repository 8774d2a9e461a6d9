-- Photos on the wire (issue 13: the crew sees every photo of a report, from whichever device took
-- it; docs/sync.md, "Photos down"). sync_pull sends one more pulled-only entity, `entry_photo`:
-- the metadata of each photo the caller may see (entry_photos_read: whoever sees its entry), that
-- is id, entryId, width, height, bytes and createdAt, never the data, which the device fetches
-- once with photo_data. A photo is written once and never changed or deleted (it goes only with
-- its entry), so it is on the wire once: version 1, never a tombstone.

-- The pull's clock, as on every synced row: the inserting transaction. Photos stored before this
-- migration get the migration's, so every device learns about them on its next pull.
alter table public.entry_photos add column txid bigint not null default private.current_txid();
create index entry_photos_pull_idx on public.entry_photos (txid, (id::text) collate "C");

-- As in 20261126000020, and the clock too is the server's: a photo inserted straight into the
-- table with a txid of its own choosing would hide from the pulls of others.
create or replace function private.own_new_photo() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.author_id := coalesce(auth.uid(), new.author_id);
  new.created_at := now();
  new.txid := private.current_txid();
  return new;
end
$$;

-- security_invoker: the caller's RLS on entry_photos (and through it on entries) applies.
create view private.photo_rows with (security_invoker = true) as
select p.id, p.txid, 1 as version, false as deleted, p.entry_id, p.width, p.height, p.bytes, p.created_at
from public.entry_photos p;
revoke all on private.photo_rows from public, anon;
grant select on private.photo_rows to authenticated, service_role;

insert into private.sync_tables (entity, table_name, id_is_uuid, pushed, pull_relation)
values ('entry_photo', 'entry_photos', true, false, 'private.photo_rows');
insert into private.sync_columns (entity, wire_name, column_name, client_writable, is_instant) values
  ('entry_photo', 'id', 'id', false, false),
  ('entry_photo', 'entryId', 'entry_id', false, false),
  ('entry_photo', 'width', 'width', false, false),
  ('entry_photo', 'height', 'height', false, false),
  ('entry_photo', 'bytes', 'bytes', false, false),
  ('entry_photo', 'createdAt', 'created_at', false, true);
