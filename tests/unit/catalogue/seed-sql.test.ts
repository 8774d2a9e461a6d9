import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PISOGNE_CATALOGUE } from '~/domain/catalogue'
import { PISOGNE_ADOPTION, renderCatalogueSql, renderSeedSql, sqlString } from '../../../supabase/local/generate-seed'

const committedSeed = readFileSync(resolve(__dirname, '../../../supabase/seed.sql'), 'utf8')

/** The plan file the seed hands to import_plan, read back from its SQL literal. */
function importedFile(sql: string): unknown {
  const literal = /public\.import_plan\('((?:[^']|'')*)'::jsonb\)/.exec(sql)?.[1]
  return literal === undefined ? undefined : JSON.parse(literal.replaceAll("''", "'"))
}

describe('supabase/seed.sql', () => {
  it('is what `npm run seed:generate` renders from the bundled catalogue (regenerate after editing it)', () => {
    expect(committedSeed).toBe(renderSeedSql())
  })

  // Loading it on real PostgreSQL, and again on a restart, is proven by test:db and tests/integration/seed-restart.test.ts.
  it('imports the bundled catalogue through import_plan, whole, then adopts it with its act', () => {
    expect(importedFile(committedSeed)).toEqual(PISOGNE_CATALOGUE)
    expect(committedSeed).toContain(
      `public.adopt_plan('pisogne-2023-2025', ${sqlString(PISOGNE_CATALOGUE.plan.approvedBy)}, '${PISOGNE_ADOPTION.adoptedOn}',`,
    )
    expect(committedSeed).toContain(`'${PISOGNE_ADOPTION.inForceFrom}', confirm => true)`)
  })

  it('leaves an adopted plan alone, so loading the seed again changes nothing', () => {
    expect(renderCatalogueSql(PISOGNE_CATALOGUE)).toMatch(
      /if exists \(select 1 from public\.plans p where p\.id = 'pisogne-2023-2025' and p\.status <> 'draft'\) then\n\s+return;/,
    )
  })
})

describe('SQL string literals', () => {
  it('doubles straight quotes and keeps typographic ones, backslashes and dollars as they are', () => {
    expect(sqlString("dell'ufficio")).toBe("'dell''ufficio'")
    expect(sqlString("l’Ente 'A' \\ $$ x")).toBe("'l’Ente ''A'' \\ $$ x'")
  })

  it('keeps a hostile title inside its literal', () => {
    const catalogue = structuredClone(PISOGNE_CATALOGUE)
    catalogue.objectives[0]!.title = "x'); drop table public.objectives; --"
    const sql = renderCatalogueSql(catalogue)
    expect(sql).toContain("x''); drop table public.objectives; --")
    expect(importedFile(sql)).toEqual(catalogue)
  })
})
