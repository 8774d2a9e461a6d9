// @vitest-environment node
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBenchmarks, recordBenchmark, type BenchmarkFigure } from '../../bench/results'

function figure(overrides: Partial<BenchmarkFigure> = {}): BenchmarkFigure {
  return { figure: 100, unit: 'KB', target: 150, comparator: '<=', ...overrides }
}

describe('benchmark results recorder', () => {
  let dir: string
  let file: string
  const printed: string[] = []
  const options = () => ({ file, print: (line: string) => printed.push(line) })

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sulcampo-bench-results-'))
    file = join(dir, 'results.json')
    printed.length = 0
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it("keeps other benchmarks' figures when one benchmark records its own", async () => {
    recordBenchmark('size', figure({ figure: 98 }), options())
    recordBenchmark('lighthouse performance', figure({ figure: 93, unit: '', target: 90, comparator: '>=' }), options())
    recordBenchmark('size', figure({ figure: 97 }), options())

    const results = readBenchmarks(file)
    expect(Object.keys(results).sort()).toEqual(['lighthouse performance', 'size'])
    expect(results.size?.figure).toBe(97)
    expect(results['lighthouse performance']?.figure).toBe(93)
    expect(await readdir(dir)).toEqual(['results.json'])
  })

  it('starts afresh over a results file an interrupted old run left unreadable', async () => {
    await writeFile(file, '{"size": {"fig')
    recordBenchmark('size', figure(), options())
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('size.figure', 100)
  })

  it('says PASS or MISS by the comparator, target included', () => {
    const verdict = (overrides: Partial<BenchmarkFigure>) => recordBenchmark('b', figure(overrides), options()).pass
    expect(verdict({ figure: 150, comparator: '<=' })).toBe(true)
    expect(verdict({ figure: 150.1, comparator: '<=' })).toBe(false)
    expect(verdict({ figure: 150, comparator: '>=' })).toBe(true)
    expect(verdict({ figure: 149, comparator: '>=' })).toBe(false)
    expect(printed[1]).toMatch(/^b:\s+150\.1 KB\s+\(target ≤ 150\)\s+MISS$/)
    expect(printed[2]).toMatch(/\(target ≥ 150\)\s+PASS$/)
  })

  it('lets a benchmark override the verdict when it depends on more than one figure', () => {
    expect(recordBenchmark('b', figure({ pass: false }), options()).pass).toBe(false)
    expect(printed[0]).toMatch(/MISS$/)
  })
})
