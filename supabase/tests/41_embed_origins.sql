-- Embedding the public page (migration 20261205300001, docs/transparency.md): only an admin lists
-- or removes the origins that may frame it, only https origins are accepted, and anon reads the
-- list of origins and nothing else of it.
begin;
select plan(27);

\ir support/fixtures.psql
select * from tests.create_cast() \gset

-- Rights: only an admin changes the list.
select tests.act_as_anon();
select throws_ok($$select public.add_embed_origin('https://www.comune.pisogne.bs.it')$$, '42501', null, 'anon cannot list an origin');
select throws_ok($$select public.remove_embed_origin('https://www.comune.pisogne.bs.it')$$, '42501', null, 'nor remove one');
select tests.act_as(:'officer');
select throws_ok($$select public.add_embed_origin('https://www.comune.pisogne.bs.it')$$, '42501', 'forbidden', 'an officer cannot list an origin');
select tests.act_as(:'police_manager');
select throws_ok($$select public.add_embed_origin('https://www.comune.pisogne.bs.it')$$, '42501', 'forbidden', 'an area manager cannot list an origin');
select tests.act_as(:'finance');
select throws_ok($$select public.add_embed_origin('https://www.comune.pisogne.bs.it')$$, '42501', 'forbidden', 'office staff cannot list an origin');
select tests.act_as_owner();
select is((select count(*)::int from public.embed_origins), 0, 'the refused calls listed nothing');

select tests.act_as(:'admin');
select is(public.add_embed_origin('https://www.comune.pisogne.bs.it'),
  '{"status": "listed", "origins": ["https://www.comune.pisogne.bs.it"]}', 'an admin lists the comune''s site');
select is(public.add_embed_origin('https://trasparenza.comune.pisogne.bs.it:8443') -> 'origins',
  '["https://trasparenza.comune.pisogne.bs.it:8443", "https://www.comune.pisogne.bs.it"]', 'and another with a port; the list is sorted');
select is(public.add_embed_origin('https://www.comune.pisogne.bs.it') -> 'origins',
  '["https://trasparenza.comune.pisogne.bs.it:8443", "https://www.comune.pisogne.bs.it"]', 'listing one again changes nothing');
select tests.act_as_owner();
select is((select added_by from public.embed_origins where origin = 'https://www.comune.pisogne.bs.it'), :'admin'::uuid,
  'the record says who listed it');

-- Bad input: a refusal with its code, nothing listed.
select tests.act_as(:'admin');
select is(public.add_embed_origin('http://www.comune.pisogne.bs.it'),
  '{"status": "refused", "code": "invalid_origin", "detail": "only https origins may embed the page"}', 'http is refused');
select is(public.add_embed_origin('https://*.comune.pisogne.bs.it') ->> 'detail', 'a wildcard is not an origin: list each site', 'a wildcard is refused');
select is(public.add_embed_origin('https://www.comune.pisogne.bs.it/trasparenza') ->> 'code', 'invalid_origin', 'a path is refused');
select is(public.add_embed_origin('https://www.comune.pisogne.bs.it/') ->> 'code', 'invalid_origin', 'even a lone slash');
select is(public.add_embed_origin('https://WWW.Comune.it') ->> 'code', 'invalid_origin', 'upper case is refused: the list holds what the browser compares');
select is(public.add_embed_origin('https://comune.it:99999') ->> 'code', 'invalid_origin', 'a port above 65535 is refused');
select is(public.add_embed_origin('https://comune.it; script-src *') ->> 'code', 'invalid_origin', 'a header injection is refused');
select is(public.add_embed_origin(E'https://comune.it\r\nX-Evil: 1') ->> 'code', 'invalid_origin', 'and a new line');
select is(public.add_embed_origin('https://user@comune.it') ->> 'code', 'invalid_origin', 'user info is refused');
select is(public.add_embed_origin(null) ->> 'detail', 'the origin is required', 'a missing origin is refused');
select is(public.remove_embed_origin('https://altro.it'),
  '{"status": "refused", "code": "not_listed", "detail": "https://altro.it is not listed"}', 'removing an origin not listed is refused');
select tests.act_as_owner();
select throws_ok($$insert into public.embed_origins (origin) values ('https://comune.it/x')$$, '23514', null,
  'not even the owner stores a bad origin by hand');
insert into public.embed_origins (origin) select format('https://sito%s.comune.it', n) from generate_series(1, 18) n;
select tests.act_as(:'admin');
select is(public.add_embed_origin('https://sito19.comune.it') ->> 'code', 'too_many_origins', 'past 20 origins, one more is refused');
select is(public.remove_embed_origin('https://trasparenza.comune.pisogne.bs.it:8443') -> 'origins' -> -1,
  '"https://www.comune.pisogne.bs.it"', 'an admin removes an origin');

-- anon reads the origins, nothing else.
select tests.act_as_anon();
select is(jsonb_array_length(public.embed_origins()), 19, 'anon reads the list');
select ok(public.embed_origins()::text !~* (:'admin' || '|added'), 'but not who listed them or when');
select throws_ok('select * from public.embed_origins', '42501', null, 'anon cannot read the table itself');

select * from finish();
rollback;
