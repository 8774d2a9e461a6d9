-- public.sync_push(mutations jsonb) returns jsonb (ARCHITECTURE.md §4, src/domain/sync-protocol.ts).
-- In: an array of Mutation. Out: an array of MutationResult in the same order.
-- - The whole call fails only when it cannot be read: not an array (or over 1000 mutations)
--   raises SQLSTATE 22023 with message 'invalid_mutations' (PostgREST: HTTP 400).
-- - Each mutation runs in its own subtransaction: a rejected one changes nothing and the others
--   still apply; all of them commit together with the call.
-- - At most once per mutation id: the first answer is stored; a replay gets it back unchanged.
--   Another user's mutation id is rejected 'forbidden'. Rejections are not stored.
-- - authorId must be the signed-in user ('author_mismatch'): a shared tablet pushes only the
--   signed-in user's work.
-- - Transient failures (deadlock, serialization, lock timeout, shutdown) fail the whole call so
--   the device retries it; any other error becomes a rejection of that mutation alone.

create function private.rejection(mutation_id text, code text, reason text) returns jsonb
language sql immutable set search_path = ''
as $$ select jsonb_build_object('id', mutation_id, 'status', 'rejected', 'code', code, 'message', reason) $$;

-- What a database error inside one mutation means for the device (REJECT_CODES).
create function private.rejection_for_error(mutation_id text, state text, reason text, detail text, violated text, col text)
returns jsonb
language sql immutable set search_path = ''
as $$
  select case
    when state = 'SC001' then private.rejection(mutation_id, reason, detail)
    when state = '42501' then private.rejection(mutation_id, 'forbidden', 'your role or area does not allow this change')
    when state = '23503' then private.rejection(mutation_id, 'not_found', format('a record it refers to does not exist (%s)', violated))
    when state = '23505' and violated like '%\_pkey' then
      private.rejection(mutation_id, 'forbidden', 'the id belongs to a record you cannot see')
    when state = '23505' then private.rejection(mutation_id, 'invalid_payload', format('another record already has this value (%s)', violated))
    when state = '23514' and violated like '%\_length' then private.rejection(mutation_id, 'field_too_large', format('too long (%s)', violated))
    when state = '23514' then private.rejection(mutation_id, 'invalid_payload', format('not valid (%s)', violated))
    when state = '23502' then private.rejection(mutation_id, 'invalid_payload', format('%s is required', col))
    when state in ('22001', '54000') then private.rejection(mutation_id, 'field_too_large', reason)
    when left(state, 2) = '22' then private.rejection(mutation_id, 'invalid_payload', reason)
    else private.rejection(mutation_id, 'invalid_mutation', reason)
  end
$$;

create function private.push_one(m jsonb) returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  mutation_id text := case when jsonb_typeof(m) = 'object' then m ->> 'id' end;
  answer jsonb;
  state text;
  reason text;
  detail text;
  violated text;
  col text;
begin
  if not private.is_uuid(mutation_id) then
    return private.rejection(mutation_id, 'invalid_mutation', 'a mutation is an object with a UUID id');
  end if;
  if not private.is_uuid(m ->> 'authorId') or (m ->> 'authorId')::uuid is distinct from auth.uid() then
    return private.rejection(mutation_id, 'author_mismatch', 'the change was made by another user than the one signed in');
  end if;
  begin
    begin
      insert into private.applied_mutations (id, user_id, result) values (mutation_id::uuid, auth.uid(), 'null');
    exception when unique_violation then
      select a.result into answer from private.applied_mutations a where a.id = mutation_id::uuid;
      return coalesce(answer, private.rejection(mutation_id, 'forbidden', 'this mutation id belongs to another user'));
    end;
    answer := jsonb_build_object('id', mutation_id) || private.apply_mutation(m);
    update private.applied_mutations set result = answer where id = mutation_id::uuid;
    return answer;
  exception when others then
    get stacked diagnostics state = returned_sqlstate, reason = message_text, detail = pg_exception_detail,
                            violated = constraint_name, col = column_name;
    if left(state, 2) in ('40', '53', '57', '58', '08', 'XX') or state = '55P03' then
      raise;
    end if;
    return private.rejection_for_error(mutation_id, state, reason, detail, violated, col);
  end;
end
$$;

create function public.sync_push(mutations jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  m jsonb;
  -- An array, not jsonb: appending to a PL/pgSQL array does not copy it each time.
  answers jsonb[] := '{}';
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
  for m in select value from jsonb_array_elements(mutations) with ordinality as e (value, position) order by position loop
    answers := answers || private.push_one(m);
  end loop;
  return to_jsonb(answers);
end
$$;

grant execute on function private.rejection(text, text, text),
  private.rejection_for_error(text, text, text, text, text, text), private.push_one(jsonb) to authenticated, service_role;
revoke all on function public.sync_push(jsonb) from public, anon;
grant execute on function public.sync_push(jsonb) to authenticated;
