import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PISOGNE_AREA_IDS, PISOGNE_CATALOGUE } from '~/domain/catalogue'
import { renderCatalogueSql, renderSeedSql, sqlString } from '../../../supabase/local/generate-seed'

const committedSeed = readFileSync(resolve(__dirname, '../../../supabase/seed.sql'), 'utf8')

/** Area of each objective row in the SQL: `values ('<id>', '<plan>', '<area>', ...`. */
function objectiveAreasIn(sql: string): string[] {
  return [...sql.matchAll(/insert into public\.objectives [^\n]*\nvalues \('[^']+', '[^']+', '([a-z_]+)'/g)].map(
    (match) => match[1] ?? '',
  )
}

describe('supabase/seed.sql', () => {
  it('is what `npm run seed:generate` renders from the bundled catalogue (regenerate after editing it)', () => {
    expect(committedSeed).toBe(renderSeedSql())
  })

  it('loads the six areas, the plan and the 29 objectives with the same counts per area as the app', () => {
    expect(committedSeed.match(/insert into public\.areas /g)).toHaveLength(6)
    expect(committedSeed.match(/insert into public\.plans /g)).toHaveLength(1)
    const areas = objectiveAreasIn(committedSeed)
    expect(areas).toHaveLength(29)
    for (const area of PISOGNE_AREA_IDS) {
      const inApp = PISOGNE_CATALOGUE.objectives.filter((o) => o.areaId === area).length
      expect(areas.filter((a) => a === area).length, area).toBe(inApp)
    }
  })

  // The demo section keeps its own idempotence rules (it must not undo a manager's edits);
  // reloading the whole seed is proven on real PostgreSQL in tests/integration/seed-restart.test.ts.
  it('upserts every catalogue row, so a reload updates instead of duplicating', () => {
    const catalogueSql = renderCatalogueSql(PISOGNE_CATALOGUE)
    const inserts = catalogueSql.match(/^insert into /gm) ?? []
    const upserts = catalogueSql.match(/^on conflict \(id\) do update set /gm) ?? []
    expect(upserts.length).toBe(inserts.length)
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
    expect(renderCatalogueSql(catalogue)).toContain("'x''); drop table public.objectives; --'")
  })

  it('writes the indicator as camelCase JSON', () => {
    expect(committedSeed).toContain('"relativeIncreasePct":10')
    expect(committedSeed).toContain('"entryKinds":["patrol","checkpoint"]')
  })
})
