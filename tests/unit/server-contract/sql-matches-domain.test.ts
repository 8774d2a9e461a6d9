// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ENTRY_KINDS, REPORT_STATUSES } from '~/domain/entry'
import { CHANNELS, REPORT_CATEGORIES, SNOW_ACTIONS, TERRITORY_TOPICS, TEXT_LIMITS } from '~/domain/entry-payloads'
import { INDICATOR_KINDS, INDICATOR_PERIODS } from '~/domain/objective'
import { PULLED_ONLY_ENTITIES, REJECT_CODES, SYNC_ENTITIES } from '~/domain/sync-protocol'

/**
 * The server checks entries in SQL (supabase/migrations) and the device in TypeScript
 * (src/domain): the two lists of kinds, choices, limits and codes must not drift apart,
 * or the server would refuse what the app lets people save, or answer a code the app
 * cannot translate.
 */
const migrationsDir = fileURLToPath(new URL('../../../supabase/migrations', import.meta.url))
const sql = readdirSync(migrationsDir)
  .filter((file) => file.endsWith('.sql'))
  .map((file) => readFileSync(join(migrationsDir, file), 'utf8'))
  .join('\n')

/** The quoted strings of the first SQL `array[...]` that contains `marker`. */
function sqlArrayWith(marker: string): string[] {
  const literal = [...sql.matchAll(/array\[([^\]]*)\]/g)].map((m) => m[1]).find((items) => items.includes(`'${marker}'`))
  return [...(literal ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1])
}

describe('the SQL checks follow src/domain', () => {
  it('knows exactly the entry kinds of ENTRY_KINDS', () => {
    expect(sqlArrayWith('patrol')).toEqual([...ENTRY_KINDS])
  })

  it('offers the same choices as the forms', () => {
    expect(sqlArrayWith('waste_abandonment')).toEqual([...TERRITORY_TOPICS])
    expect(sqlArrayWith('ploughing')).toEqual([...SNOW_ACTIONS])
    expect(sqlArrayWith('street_furniture')).toEqual([...REPORT_CATEGORIES])
    expect(sqlArrayWith('in_progress')).toEqual([...REPORT_STATUSES])
    expect(sql).toContain(`payload ->> 'channel' in (${CHANNELS.map((c) => `'${c}'`).join(', ')})`)
  })

  it('limits texts as TEXT_LIMITS does', () => {
    expect(sql).toContain(`long_text constant int := ${TEXT_LIMITS.long}`)
    expect(sql).toContain(`short_text constant int := ${TEXT_LIMITS.short}`)
  })

  it('syncs exactly the entities of SYNC_ENTITIES', () => {
    // Rows of private.sync_tables the device pushes: (entity, table_name, id_is_uuid), and
    // (entity, table_name, id_is_uuid, true, pull_relation) since plans were pulled only.
    const entities = [...sql.matchAll(/\('(\w+)', '\w+', (?:true|false)(?:, true, '[\w.]+')?\)/g)].map((m) => m[1])
    expect(entities.sort()).toEqual([...SYNC_ENTITIES].sort())
  })

  it('pulls, and only pulls, the entities of PULLED_ONLY_ENTITIES', () => {
    // Rows of private.sync_tables with pushed = false: (entity, table_name, id_is_uuid, false, pull_relation).
    const entities = [...sql.matchAll(/\('(\w+)', '\w+', (?:true|false), false, '[\w.]+'\)/g)].map((m) => m[1])
    expect(entities.sort()).toEqual([...PULLED_ONLY_ENTITIES].sort())
  })

  it('checks plan files with the lists of the app (private.plan_file_shapes)', () => {
    const options = (message: string) =>
      JSON.parse(new RegExp(`"options": (\\[[^\\]]*\\]), "msg": "${message}`).exec(sql.replaceAll(/\s+/g, ' '))?.[1] ?? 'null')
    expect(options('unknown indicator kind')).toEqual([...INDICATOR_KINDS])
    expect(options('unknown period')).toEqual([...INDICATOR_PERIODS])
    expect(options('unknown entry kind')).toEqual([...ENTRY_KINDS])
  })

  it('rejects only with codes the app translates', () => {
    const raised = [
      ...sql.matchAll(/private\.reject\('(\w+)'/g),
      ...sql.matchAll(/private\.rejection\(mutation_id, '(\w+)'/g),
      // The 'code:reason' answers of the payload checks.
      ...sql.matchAll(/(?:format\(|then |return )'([a-z_]+):/g),
    ].map((m) => m[1])
    expect(raised.length).toBeGreaterThan(20)
    expect(raised.filter((code) => !(REJECT_CODES as readonly string[]).includes(code))).toEqual([])
  })
})
