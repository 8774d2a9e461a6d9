import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where every benchmark leaves its latest figure (git-ignored); `npm run bench` prints it as one table. */
export const DEFAULT_RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'results.json')

export type Comparator = '<=' | '>='

export interface BenchmarkFigure {
  figure: number
  unit: string
  target: number
  comparator: Comparator
  /** Defaults to comparing the figure with the target; pass it when the verdict needs more than one figure. */
  pass?: boolean
  details?: Record<string, unknown>
}

export interface BenchmarkRecord extends BenchmarkFigure {
  pass: boolean
  /** ISO time, so the runner can tell this run's figures from stale ones. */
  recordedAt: string
}

export type BenchmarkResults = Record<string, BenchmarkRecord>

export interface RecorderOptions {
  file?: string
  print?: (line: string) => void
  now?: () => Date
}

export function meetsTarget(figure: number, comparator: Comparator, target: number): boolean {
  return comparator === '<=' ? figure <= target : figure >= target
}

export function resultsFile(options: RecorderOptions = {}): string {
  return options.file ?? process.env.BENCH_RESULTS_FILE ?? DEFAULT_RESULTS_FILE
}

/** A missing or unreadable file means no figures yet: a benchmark must never fail because an old run left junk. */
export function readBenchmarks(file: string): BenchmarkResults {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return {}
  }
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as BenchmarkResults) : {}
  } catch {
    return {}
  }
}

const NAME_WIDTH = 34

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 1 : 2)
}

/** One aligned line, e.g. `size first screen (gzip):  98.4 KB (target ≤ 150) PASS`. */
export function formatBenchmarkLine(name: string, record: Pick<BenchmarkRecord, 'figure' | 'unit' | 'target' | 'comparator' | 'pass'>): string {
  const sign = record.comparator === '<=' ? '≤' : '≥'
  const figure = `${formatNumber(record.figure)} ${record.unit}`.trimEnd()
  const verdict = record.pass ? 'PASS' : 'MISS'
  return `${`${name}:`.padEnd(NAME_WIDTH)} ${figure.padStart(12)}  (target ${sign} ${formatNumber(record.target)})  ${verdict}`
}

/**
 * Merges one figure into the results file, keeping every other benchmark's, and prints its line.
 * Written to a temp file then renamed, so a crash mid-write never leaves a torn file.
 */
export function recordBenchmark(name: string, result: BenchmarkFigure, options: RecorderOptions = {}): BenchmarkRecord {
  const file = resultsFile(options)
  const record: BenchmarkRecord = {
    ...result,
    pass: result.pass ?? meetsTarget(result.figure, result.comparator, result.target),
    recordedAt: (options.now?.() ?? new Date()).toISOString(),
  }
  const merged = { ...readBenchmarks(file), [name]: record }
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify(merged, null, 2)}\n`)
  renameSync(temp, file)
  ;(options.print ?? console.log)(formatBenchmarkLine(name, record))
  return record
}
