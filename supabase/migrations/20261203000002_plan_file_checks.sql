-- The checks of a plan file (`{ plan, areas, objectives }`, docs/plan-format.md) on the server,
-- with the rules of the app's validateCatalogue (src/domain/catalogue/validate.ts and schema.ts)
-- and the same problems: the same `code`, `subject` ("plan", `objective "pl-pattugliamento"`,
-- "objectives[3]") and `path` ("indicator.kind", "contributingAreas.1"), in the same order, with
-- the same wording of `detail`. tests/integration/plan-validation-parity.test.ts feeds the same bad
-- files to both. One difference the wire makes: jsonb keeps no key order, so of two unknown
-- fields in one object the one named may differ (each side names only the first it finds).

-- The shapes of schema.ts as data, read by private.shape_issues below. A node:
--   {"t": "string" | "number", "msg": type message, "actions": [{"a": check, …, "msg"}]}
--   {"t": "picklist", "options": […], "msg"}   {"t": "array", "of": node, "msg", "actions"}
--   {"t": "nullable" | "optional", "of": node}  {"t": "unknown"}
--   {"t": "object", "fields": [[key, node], …] in schema order, "checks": [{"c": check, "path", "msg"}]}
-- `%s` in a message is the received value as valibot prints it ("x" quoted, 3, null, Object).
-- The lists (indicator kinds, periods, entry kinds) are those of src/domain/objective.ts and entry.ts.
create function private.plan_file_shapes() returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  text_ jsonb := '{"t": "string", "msg": "expected text, received %s", "actions": [{"a": "non_empty", "msg": "must not be empty"}]}';
  nullable_number jsonb := '{"t": "nullable", "of": {"t": "number", "msg": "expected a number or null, received %s", "actions": [{"a": "finite", "msg": "expected a finite number, received %s"}]}}';
  year_ jsonb := '{"t": "number", "msg": "expected a year, received %s", "actions": [{"a": "finite", "msg": "expected a finite number, received %s"},
                   {"a": "integer", "msg": "expected a whole year"}, {"a": "min", "value": 2000, "msg": "expected a year from 2000"}]}';
  positive_integer jsonb := '{"t": "number", "msg": "expected a whole number, received %s", "actions": [{"a": "finite", "msg": "expected a finite number, received %s"},
                   {"a": "integer", "msg": "expected a whole number"}, {"a": "min", "value": 1, "msg": "expected 1 or more"}]}';
  area_id jsonb := '{"t": "string", "msg": "expected an area id like \"polizia_locale\", received %s",
                     "actions": [{"a": "regex", "pattern": "^[a-z][a-z0-9_]*$", "msg": "expected an area id like \"polizia_locale\", received %s"}]}';
  objective_id jsonb := '{"t": "string", "msg": "expected text, received %s", "actions": [{"a": "non_empty", "msg": "must not be empty"},
                          {"a": "regex", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$", "msg": "expected a slug like \"pl-pattugliamento\""}]}';
  iso_date jsonb := '{"t": "string", "msg": "expected a date YYYY-MM-DD, received %s", "actions": [
                      {"a": "regex", "pattern": "^\\d{4}-(0[1-9]|1[0-2])-([12]\\d|0[1-9]|3[01])$", "msg": "expected a date YYYY-MM-DD, received %s"},
                      {"a": "calendar_date", "msg": "%s is not a calendar date"}]}';
  indicator jsonb;
begin
  indicator := jsonb_build_object('t', 'object', 'fields', jsonb_build_array(
    jsonb_build_array('kind', '{"t": "picklist", "options": ["count", "share", "completion", "milestone", "no_findings"], "msg": "unknown indicator kind %s"}'::jsonb),
    jsonb_build_array('target', nullable_number),
    jsonb_build_array('relativeIncreasePct', nullable_number),
    jsonb_build_array('unit', text_),
    jsonb_build_array('period', '{"t": "picklist", "options": ["year", "plan", "month", "event", "continuous"], "msg": "unknown period %s"}'::jsonb),
    jsonb_build_array('deadline', jsonb_build_object('t', 'nullable', 'of', iso_date)),
    jsonb_build_array('baseline', jsonb_build_object('t', 'object', 'fields', jsonb_build_array(
      jsonb_build_array('value', nullable_number),
      jsonb_build_array('year', jsonb_build_object('t', 'nullable', 'of', year_)),
      jsonb_build_array('source', '{"t": "picklist", "options": ["piao", "manager"], "msg": "unknown baseline source %s"}'::jsonb)))),
    jsonb_build_array('withinDays', jsonb_build_object('t', 'nullable', 'of', positive_integer)),
    jsonb_build_array('entryKinds', '{"t": "array", "msg": "expected a list of entry kinds",
      "of": {"t": "picklist", "options": ["patrol", "checkpoint", "evening_shift", "territory_check", "snow_intervention",
                                          "maintenance_report", "count_update", "milestone_update", "check"], "msg": "unknown entry kind %s"},
      "actions": [{"a": "min_length", "value": 1, "msg": "at least one entry kind must feed the indicator"}]}'::jsonb)),
    'checks', '[{"c": "percent_target", "path": "target", "msg": "a share or completion target is a percentage from 0 to 100, received %s"}]'::jsonb);
  return jsonb_build_object(
    'catalogue', jsonb_build_object('t', 'object', 'fields', jsonb_build_array(
      jsonb_build_array('plan', '{"t": "unknown"}'::jsonb),
      jsonb_build_array('areas', '{"t": "array", "of": {"t": "unknown"}, "msg": "expected a list of areas"}'::jsonb),
      jsonb_build_array('objectives', '{"t": "array", "of": {"t": "unknown"}, "msg": "expected a list of objectives"}'::jsonb))),
    'plan', jsonb_build_object('t', 'object', 'fields', jsonb_build_array(
      jsonb_build_array('id', text_), jsonb_build_array('title', text_), jsonb_build_array('municipality', text_),
      jsonb_build_array('startYear', year_), jsonb_build_array('endYear', year_), jsonb_build_array('approvedBy', text_)),
      'checks', '[{"c": "end_after_start", "path": "endYear", "msg": "the plan cannot end before it starts"}]'::jsonb),
    'area', jsonb_build_object('t', 'object', 'fields', jsonb_build_array(
      jsonb_build_array('id', area_id), jsonb_build_array('nameIt', text_), jsonb_build_array('nameEn', text_),
      jsonb_build_array('position', positive_integer))),
    'objective', jsonb_build_object('t', 'object', 'fields', jsonb_build_array(
      jsonb_build_array('id', objective_id), jsonb_build_array('planId', text_), jsonb_build_array('areaId', area_id),
      jsonb_build_array('position', positive_integer),
      jsonb_build_array('contributingAreas', jsonb_build_object('t', 'array', 'of', area_id, 'msg', 'expected a list of areas')),
      jsonb_build_array('title', text_), jsonb_build_array('responsabile', text_), jsonb_build_array('stakeholder', text_),
      jsonb_build_array('contributors', text_), jsonb_build_array('timeframe', text_), jsonb_build_array('measurement', text_),
      jsonb_build_array('baselineText', text_), jsonb_build_array('expectedTarget', text_), jsonb_build_array('dataSource', text_),
      jsonb_build_array('indicator', indicator),
      jsonb_build_array('continuesObjectiveId', jsonb_build_object('t', 'optional', 'of', jsonb_build_object('t', 'nullable', 'of', objective_id))))));
end
$$;

-- A value as valibot's messages print it: strings quoted, numbers and booleans as they are,
-- objects by their constructor.
create function private.shown_as_received(value jsonb) returns text
language sql immutable set search_path = ''
as $$
  select case jsonb_typeof(value)
    when 'string' then '"' || (value #>> '{}') || '"'
    when 'object' then 'Object'
    when 'array' then 'Array'
    when 'number' then case when abs((value #>> '{}')::numeric) > 1.7976931348623157e308
                            then case when (value #>> '{}')::numeric > 0 then 'Infinity' else '-Infinity' end
                            else value #>> '{}' end
    when 'null' then 'null'
    else coalesce(value #>> '{}', 'undefined')
  end
$$;

create function private.is_calendar_date(value text) returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  return value ~ '^\d{4}-\d{2}-\d{2}$' and to_char(value::date, 'YYYY-MM-DD') = value;
exception when others then
  return false;
end
$$;

-- Whether one pipe action of a node accepts a value already of the node's type.
create function private.shape_action_passes(action jsonb, value jsonb) returns boolean
language sql immutable set search_path = ''
as $$
  select case action ->> 'a'
    when 'non_empty' then (value #>> '{}') <> ''
    when 'regex' then (value #>> '{}') ~ (action ->> 'pattern')
    when 'calendar_date' then private.is_calendar_date(value #>> '{}')
    -- JSON.parse turns a number beyond the double range into Infinity.
    when 'finite' then abs((value #>> '{}')::numeric) <= 1.7976931348623157e308
    when 'integer' then (value #>> '{}')::numeric % 1 = 0
    when 'min' then (value #>> '{}')::numeric >= (action ->> 'value')::numeric
    when 'min_length' then jsonb_array_length(value) >= (action ->> 'value')::int
  end
$$;

create function private.shape_issue(path text, message text, value jsonb) returns jsonb
language sql immutable set search_path = ''
as $$ select jsonb_build_object('path', path, 'detail', replace(message, '%s', private.shown_as_received(value))) $$;

create function private.shape_path(path text, key text) returns text
language sql immutable set search_path = ''
as $$ select case when path = '' then key else path || '.' || key end $$;

-- The issues of `value` against a shape node, as valibot's safeParse finds them, and whether the
-- value is "typed" (no type-level issue: the pipe's own checks still run, as in valibot, where a
-- failed check does not stop the next one but a wrong type does).
create function private.shape_issues(shape jsonb, value jsonb, path text, out issues jsonb, out typed boolean)
language plpgsql immutable set search_path = ''
as $$
declare
  kind text := shape ->> 't';
  value_type text := jsonb_typeof(value);
  inner_issues jsonb;
  inner_typed boolean;
  field jsonb;
  element jsonb;
  position bigint;
  action jsonb;
  extra text;
begin
  issues := '[]';
  typed := true;
  if kind = 'unknown' then
    return;
  elsif kind in ('nullable', 'optional') then
    if kind = 'nullable' and value_type = 'null' then
      return;
    end if;
    select s.issues, s.typed into issues, typed from private.shape_issues(shape -> 'of', value, path) s;
    return;
  elsif kind = 'picklist' then
    if not (shape -> 'options') @> jsonb_build_array(value) or value_type <> 'string' then
      issues := jsonb_build_array(private.shape_issue(path, shape ->> 'msg', value));
      typed := false;
    end if;
    return;
  elsif kind in ('string', 'number', 'array') and value_type is distinct from kind then
    issues := jsonb_build_array(private.shape_issue(path, shape ->> 'msg', value));
    typed := false;
    return;
  elsif kind = 'array' then
    for element, position in select e.value, e.n - 1 from jsonb_array_elements(value) with ordinality e (value, n) loop
      select s.issues, s.typed into inner_issues, inner_typed
      from private.shape_issues(shape -> 'of', element, private.shape_path(path, position::text)) s;
      issues := issues || inner_issues;
      typed := typed and inner_typed;
    end loop;
  elsif kind = 'object' then
    -- An array is an object to valibot: every field is missing, its first index an unknown field.
    if value_type not in ('object', 'array') or value_type is null then
      issues := jsonb_build_array(private.shape_issue(path, 'expected an object, received %s', value));
      typed := false;
      return;
    end if;
    for field in select f from jsonb_array_elements(shape -> 'fields') f loop
      if value_type = 'object' and value ? (field ->> 0) then
        select s.issues, s.typed into inner_issues, inner_typed
        from private.shape_issues(field -> 1, value -> (field ->> 0), private.shape_path(path, field ->> 0)) s;
        issues := issues || inner_issues;
        typed := typed and inner_typed;
      elsif field #>> '{1,t}' <> 'optional' then
        issues := issues || jsonb_build_object('path', private.shape_path(path, field ->> 0), 'detail', 'missing');
        typed := false;
      end if;
    end loop;
    extra := case when value_type = 'array' then case when jsonb_array_length(value) > 0 then '0' end
                  else (select k from jsonb_object_keys(value) k
                        where not exists (select 1 from jsonb_array_elements(shape -> 'fields') f where f ->> 0 = k) limit 1) end;
    if extra is not null then
      issues := issues || jsonb_build_object('path', private.shape_path(path, extra), 'detail', 'unknown field');
      typed := false;
    end if;
    if typed then
      for action in select c from jsonb_array_elements(coalesce(shape -> 'checks', '[]')) c loop
        if (action ->> 'c' = 'percent_target' and value ->> 'kind' in ('share', 'completion')
            and not coalesce((value ->> 'target')::numeric between 0 and 100, false))
           or (action ->> 'c' = 'end_after_start' and (value ->> 'endYear')::numeric < (value ->> 'startYear')::numeric) then
          issues := issues || private.shape_issue(private.shape_path(path, action ->> 'path'), action ->> 'msg', value -> (action ->> 'path'));
        end if;
      end loop;
    end if;
    return;
  end if;
  -- A value of the node's type: every action of its pipe, each reporting on its own.
  for action in select a from jsonb_array_elements(coalesce(shape -> 'actions', '[]')) a loop
    if not private.shape_action_passes(action, value) then
      issues := issues || private.shape_issue(path, action ->> 'msg', value);
    end if;
  end loop;
end
$$;

-- validateCatalogue's problems, in its order: the outer shape (and nothing else when that fails),
-- the plan, each area, each objective (named by its id when it has a usable one, else by its
-- place), then, among the parts that parsed, duplicate areas and the objectives' ids, positions,
-- plan and areas.
create function private.catalogue_problems(file jsonb) returns jsonb
language plpgsql stable set search_path = ''
as $$
declare
  shapes constant jsonb := private.plan_file_shapes();
  problems jsonb := '[]';
  found_issues jsonb;
  plan_ok boolean;
  item jsonb;
  place bigint;
  subject text;
  areas jsonb := '[]';
  objectives jsonb := '[]';
  area_ids text[];
begin
  select s.issues into found_issues from private.shape_issues(shapes -> 'catalogue', file, '') s;
  if jsonb_array_length(found_issues) > 0 then
    return private.problems_of('invalid_field', 'catalogue', found_issues);
  end if;
  select s.issues into found_issues from private.shape_issues(shapes -> 'plan', file -> 'plan', '') s;
  problems := private.problems_of('invalid_field', 'plan', found_issues);
  plan_ok := jsonb_array_length(found_issues) = 0;
  for item, place in select e.value, e.n - 1 from jsonb_array_elements(file -> 'areas') with ordinality e (value, n) loop
    subject := private.file_subject('area', 'areas', item, place);
    select s.issues into found_issues from private.shape_issues(shapes -> 'area', item, '') s;
    problems := problems || private.problems_of('invalid_field', subject, found_issues);
    if jsonb_array_length(found_issues) = 0 then
      areas := areas || jsonb_build_array(item);
    end if;
  end loop;
  for item, place in select e.value, e.n - 1 from jsonb_array_elements(file -> 'objectives') with ordinality e (value, n) loop
    subject := private.file_subject('objective', 'objectives', item, place);
    select s.issues into found_issues from private.shape_issues(shapes -> 'objective', item, '') s;
    problems := problems || private.problems_of('invalid_field', subject, found_issues);
    if jsonb_array_length(found_issues) = 0 then
      objectives := objectives || jsonb_build_array(item);
    end if;
  end loop;

  -- checkAreas: each repeat after the first.
  select problems || coalesce(jsonb_agg(p.problem order by p.n, p.k), '[]') into problems
  from (
    select a.n, 1 as k, private.problem('duplicate_id', format('area "%s"', a.value ->> 'id'), 'id', 'listed twice') as problem
    from jsonb_array_elements(areas) with ordinality a (value, n)
    where exists (select 1 from jsonb_array_elements(areas) with ordinality b (value, n) where b.n < a.n and b.value -> 'id' = a.value -> 'id')
    union all
    select a.n, 2, private.problem('duplicate_position', format('area "%s"', a.value ->> 'id'), 'position',
                                   format('another area has position %s', a.value ->> 'position'))
    from jsonb_array_elements(areas) with ordinality a (value, n)
    where exists (select 1 from jsonb_array_elements(areas) with ordinality b (value, n)
                  where b.n < a.n and (b.value ->> 'position')::numeric = (a.value ->> 'position')::numeric)
  ) p;
  if not plan_ok then
    return problems;
  end if;

  -- checkObjectives, each objective's problems in the order validate.ts reports them.
  area_ids := array(select a ->> 'id' from jsonb_array_elements(areas) a);
  select problems || coalesce(jsonb_agg(p.problem order by p.n, p.k, p.c), '[]') into problems
  from (
    select o.n, 1 as k, 0::bigint as c, private.problem('duplicate_id', format('objective "%s"', o.value ->> 'id'), 'id', 'another objective has the same id') as problem
    from jsonb_array_elements(objectives) with ordinality o (value, n)
    where exists (select 1 from jsonb_array_elements(objectives) with ordinality b (value, n) where b.n < o.n and b.value -> 'id' = o.value -> 'id')
    union all
    select o.n, 2, 0, private.problem('duplicate_position', format('objective "%s"', o.value ->> 'id'), 'position',
                                      format('another objective of area "%s" has position %s', o.value ->> 'areaId', o.value ->> 'position'))
    from jsonb_array_elements(objectives) with ordinality o (value, n)
    where exists (select 1 from jsonb_array_elements(objectives) with ordinality b (value, n)
                  where b.n < o.n and b.value -> 'areaId' = o.value -> 'areaId'
                    and (b.value ->> 'position')::numeric = (o.value ->> 'position')::numeric)
    union all
    select o.n, 3, 0, private.problem('wrong_plan', format('objective "%s"', o.value ->> 'id'), 'planId',
                                      format('expected "%s", received "%s"', file #>> '{plan,id}', o.value ->> 'planId'))
    from jsonb_array_elements(objectives) with ordinality o (value, n)
    where o.value ->> 'planId' <> file #>> '{plan,id}'
    union all
    select o.n, 4, 0, private.problem('unknown_area', format('objective "%s"', o.value ->> 'id'), 'areaId',
                                      format('area "%s" is not in the catalogue', o.value ->> 'areaId'))
    from jsonb_array_elements(objectives) with ordinality o (value, n)
    where o.value ->> 'areaId' <> all (area_ids)
    union all
    select o.n, 5, c.n * 2 + k.k, private.problem(k.code, format('objective "%s"', o.value ->> 'id'), format('contributingAreas.%s', c.n - 1),
                                                  case k.code when 'unknown_area' then format('area "%s" is not in the catalogue', c.value)
                                                              else 'an area does not contribute to its own objective' end)
    from jsonb_array_elements(objectives) with ordinality o (value, n)
    cross join jsonb_array_elements_text(o.value -> 'contributingAreas') with ordinality c (value, n)
    cross join (values (0, 'unknown_area'), (1, 'own_area_contributes')) k (k, code)
    where (k.code = 'unknown_area' and c.value <> all (area_ids))
       or (k.code = 'own_area_contributes' and c.value = o.value ->> 'areaId')
  ) p;
  return problems;
end
$$;

create function private.problem(code text, subject text, path text, detail text) returns jsonb
language sql immutable set search_path = ''
as $$ select jsonb_build_object('code', code, 'subject', subject, 'path', path, 'detail', detail) $$;

create function private.problems_of(code text, subject text, issues jsonb) returns jsonb
language sql immutable set search_path = ''
as $$
  select coalesce(jsonb_agg(private.problem(code, subject, i ->> 'path', i ->> 'detail') order by n), '[]')
  from jsonb_array_elements(issues) with ordinality e (i, n)
$$;

-- subjectOf in validate.ts: `objective "id"` when the item has a non-empty text id, else `objectives[3]`.
create function private.file_subject(kind text, list text, item jsonb, place bigint) returns text
language sql immutable set search_path = ''
as $$
  select case when jsonb_typeof(item -> 'id') = 'string' and item ->> 'id' <> '' and jsonb_typeof(item) = 'object'
              then format('%s "%s"', kind, item ->> 'id') else format('%s[%s]', list, place) end
$$;

revoke all on function private.plan_file_shapes(), private.shown_as_received(jsonb), private.is_calendar_date(text),
  private.shape_action_passes(jsonb, jsonb), private.shape_issue(text, text, jsonb), private.shape_path(text, text),
  private.shape_issues(jsonb, jsonb, text), private.catalogue_problems(jsonb), private.problem(text, text, text, text),
  private.problems_of(text, text, jsonb), private.file_subject(text, text, jsonb, bigint) from public, anon;
