-- Issue 16: the answer to a new entry need not repeat the row the device has just sent (≈ 700
-- bytes of the ≈ 800 an answer was). Called with answers => 'compact', sync_push answers an
-- applied insert with its version and only the fields the server set (createdAt, updatedAt),
-- marked "partial"; the device keeps the rest from what it sent, and the pull of the same round
-- brings the server's own copy as it always did. Updates, conflicts and rejections are answered
-- whole as before: there the server's row may differ from the device's.
-- What applied_mutations keeps for replays stays whole, and a replay is answered whole or compact
-- as the replaying call asks: a device that updates the app between a lost answer and its retry
-- gets an answer it understands, and so does one still on the old app (it never asks).
create function private.compact_answer(answer jsonb) returns jsonb
language sql immutable set search_path = ''
as $$
  select (answer - 'row') || jsonb_build_object(
    'partial', true,
    'row', jsonb_strip_nulls(jsonb_build_object('createdAt', answer #> '{row,createdAt}', 'updatedAt', answer #> '{row,updatedAt}')))
$$;
revoke all on function private.compact_answer(jsonb) from public, anon;
grant execute on function private.compact_answer(jsonb) to authenticated, service_role;

drop function public.sync_push(jsonb);
create function public.sync_push(mutations jsonb, answers text default 'rows') returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  m jsonb;
  at bigint;
  fast jsonb;
  answer jsonb;
  compact boolean := answers = 'compact';
  -- An array, not jsonb: appending to a PL/pgSQL array does not copy it each time.
  results jsonb[] := '{}';
begin
  if auth.uid() is null then
    raise exception using errcode = '42501', message = 'not_authenticated', detail = 'sync_push needs a signed-in user';
  end if;
  if jsonb_typeof(mutations) is distinct from 'array' then
    raise exception using errcode = '22023', message = 'invalid_mutations', detail = 'mutations must be a JSON array of mutations';
  end if;
  if jsonb_array_length(mutations) > 1000 then
    raise exception using errcode = '22023', message = 'invalid_mutations', detail = 'at most 1000 mutations per call';
  end if;
  if answers is null or answers not in ('rows', 'compact') then
    raise exception using errcode = '22023', message = 'invalid_answers', detail = 'answers is ''rows'' or ''compact''';
  end if;
  fast := private.push_fresh_entries(mutations);
  for m, at in select value, position from jsonb_array_elements(mutations) with ordinality as e (value, position) order by position loop
    answer := coalesce(fast -> at::text, private.push_one(m));
    if compact and m ->> 'op' = 'insert' and answer ->> 'status' = 'applied' then
      answer := private.compact_answer(answer);
    end if;
    results := results || answer;
  end loop;
  return to_jsonb(results);
end
$$;
revoke all on function public.sync_push(jsonb, text) from public, anon;
grant execute on function public.sync_push(jsonb, text) to authenticated;
