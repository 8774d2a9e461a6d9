-- private.crew_problem (20261126000006) without its subquery, same answers: a subquery made
-- a patrol's whole check in private.entry_payload_problem a full query per call (≈10 µs of its
-- ≈24 µs); as one expression it inlines and the check stays a simple expression. The fast push
-- checks every entry twice (its own pass, then the entries_payload_valid CHECK).
-- Of its members' problems it answers the one min() picked before (the texts sort so): one too
-- long; else one null or blank (spaces only, as btrim); else one not text. A regex repeats at
-- most 255 times, so max_length stays under 255 (crew names are short texts, 200). Strict paths:
-- lax ones would look inside a member that is itself an array.
create or replace function private.crew_problem(crew jsonb, max_length int) returns text
language sql stable
as $$
  select case
    when jsonb_typeof(crew) is distinct from 'array' then 'invalid_payload:crew needs at least one person'
    when jsonb_array_length(crew) = 0 then 'invalid_payload:crew needs at least one person'
    when jsonb_array_length(crew) > 20 then 'field_too_large:crew has more than 20 people'
    when jsonb_path_exists(crew, format('strict $[*] ? (@.type() == "string" && @ like_regex "^.{%s}" flag "s")', max_length + 1)::jsonpath)
      then format('field_too_large:crew is longer than %s characters', max_length)
    when jsonb_path_exists(crew, 'strict $[*] ? (@ == null || (@.type() == "string" && @ like_regex "^ *$" flag "s"))')
      then 'invalid_payload:crew is required'
    when jsonb_path_exists(crew, 'strict $[*] ? (@.type() != "string")') then 'invalid_payload:crew must be text'
  end
$$;
