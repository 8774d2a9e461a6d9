-- The PIAO catalogue: areas, plans and their performance objectives (ARCHITECTURE.md §1).
-- Rows come from supabase/seed.sql, generated from src/domain/catalogue (the one source of truth).
-- RLS is enabled here with no policies, so nothing is readable until a later migration says who may.

create table public.areas (
  id text primary key,
  name_it text not null,
  name_en text not null,
  position int not null unique check (position > 0)
);

create table public.plans (
  id text primary key,
  title text not null,
  municipality text not null,
  start_year int not null,
  end_year int not null,
  approved_by text not null,
  check (end_year >= start_year)
);

create table public.objectives (
  id text primary key,
  plan_id text not null references public.plans (id),
  area_id text not null references public.areas (id),
  position int not null check (position > 0),
  contributing_areas text[] not null default '{}',
  -- The PIAO's own fields, verbatim in Italian.
  title text not null,
  responsabile text not null,
  stakeholder text not null,
  contributors text not null,
  timeframe text not null,
  measurement text not null,
  baseline_text text not null,
  expected_target text not null,
  data_source text not null,
  -- The Indicator type of src/domain/objective.ts as camelCase JSON.
  indicator jsonb not null check (
    jsonb_typeof(indicator) = 'object'
    and indicator ->> 'kind' in ('count', 'share', 'completion', 'milestone', 'no_findings')
  ),
  unique (plan_id, area_id, position)
);

create index objectives_area_id_idx on public.objectives (area_id);

alter table public.areas enable row level security;
alter table public.plans enable row level security;
alter table public.objectives enable row level security;
