// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse, parseDocument } from 'yaml'
import pkg from '../../../package.json' with { type: 'json' }
import { publiccodeProblems } from './publiccode-0.4'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const text = readFileSync(join(root, 'publiccode.yml'), 'utf8')
const inRepository = (path: string) => existsSync(join(root, path))
type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** The committed file with one change, to prove the checker notices that kind of mistake. */
function variant(change: (doc: Doc) => void): Doc {
  const doc = parse(text) as Doc
  change(doc)
  return doc
}

describe('publiccode.yml (Developers Italia catalogue, standard 0.4)', () => {
  it('is one clean YAML 1.2 document', () => {
    const doc = parseDocument(text)
    expect(doc.errors).toEqual([])
    expect(doc.warnings).toEqual([])
  })

  it('has every key 0.4 requires, with the types and values it allows', () => {
    expect(publiccodeProblems(parse(text), inRepository)).toEqual([])
  })

  it('describes SulCampo in Italian and in English, and says both languages are available', () => {
    const doc = parse(text) as Doc
    expect(Object.keys(doc.description)).toEqual(['it', 'en'])
    expect(doc.localisation.availableLanguages).toEqual(['it', 'en'])
  })

  it('states the version package.json has', () => {
    expect((parse(text) as Doc).softwareVersion).toBe(pkg.version)
  })

  it.each([
    ['an unquoted version (YAML reads 0.4 as a number)', (d: Doc) => (d.publiccodeYmlVersion = 0.4), 'publiccodeYmlVersion'],
    ['a missing feature list', (d: Doc) => delete d.description.en.features, 'description.en.features'],
    ['a short description over 150 characters', (d: Doc) => (d.description.it.shortDescription = 'x'.repeat(151)), 'description.it.shortDescription'],
    ['a long description under 150 characters', (d: Doc) => (d.description.en.longDescription = 'Too short.'), 'description.en.longDescription'],
    ['a category outside the list', (d: Doc) => d.categories.push('field-work'), 'categories'],
    ['internal maintenance without a contact', (d: Doc) => delete d.maintenance.contacts, 'maintenance.contacts'],
    ['a screenshot that is not in the repository', (d: Doc) => d.description.it.screenshots.push('docs/missing.png'), 'description.it.screenshots'],
    ['a misspelt top-level key', (d: Doc) => (d.developementStatus = 'beta'), 'developementStatus'],
    ['localisationReady as text', (d: Doc) => (d.localisation.localisationReady = 'yes'), 'localisation.localisationReady'],
  ])('is refused with %s', (_what, change, key) => {
    const problems = publiccodeProblems(variant(change), inRepository)
    expect(problems.join('\n')).toContain(key)
  })
})
