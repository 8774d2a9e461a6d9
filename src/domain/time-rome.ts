/**
 * Europe/Rome wall-clock helpers. Entries store UTC instants (ARCHITECTURE.md §2); people in
 * Pisogne read and type Rome time whatever the device's own time zone is, across DST changes.
 * Built on Intl only: no time-zone database ships with the app.
 */
export const ROME_TIME_ZONE = 'Europe/Rome'

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ROME_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function romeWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** Minutes Rome is ahead of UTC at that instant (60 in winter, 120 in summer). */
export function romeOffsetMinutes(instant: Date): number {
  const w = romeWallClock(instant)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The Rome calendar date of an instant, as YYYY-MM-DD. */
export function romeDate(iso: string | Date): string {
  const w = romeWallClock(new Date(iso))
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`
}

/** The Rome calendar month of an instant, as YYYY-MM (programmes are monthly). */
export function romeMonth(iso: string | Date): string {
  return romeDate(iso).slice(0, 7)
}

/** An instant as the value of an `<input type="datetime-local">` showing Rome time. */
export function toRomeInput(iso: string): string {
  const w = romeWallClock(new Date(iso))
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

/**
 * The UTC instant of a Rome wall-clock time "YYYY-MM-DDTHH:mm" (or a date alone, meaning 00:00).
 * Returns '' for text that is not such a time. In the autumn repeated hour the earlier instant wins;
 * a time skipped by the spring change is read with the offset in force just before it.
 */
export function fromRomeInput(wall: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(wall)
  if (!m) return ''
  const [year, month, day, hour, minute] = m.slice(1).map((s) => Number(s ?? 0))
  const asUtc = Date.UTC(year, month - 1, day, hour, minute)
  if (Number.isNaN(asUtc)) return ''
  // Rome is UTC+1 or UTC+2: the instant is one of two candidates, the one whose offset matches.
  const candidates = [120, 60].map((offset) => asUtc - offset * 60_000)
  const matching = candidates.find((c) => romeOffsetMinutes(new Date(c)) * 60_000 === asUtc - c)
  // No match: the spring-forward gap; read the time with the winter offset, as a clock would.
  return new Date(matching ?? candidates[1]).toISOString()
}

/** Whole calendar days from one Rome date (YYYY-MM-DD) to another; DST cannot shift it. */
export function calendarDaysBetween(fromDate: string, toDate: string): number {
  const [a, b] = [fromDate, toDate].map((d) => Date.parse(`${d}T00:00:00Z`))
  return Math.round((b - a) / 86_400_000)
}

/** A Rome date plus some days, as YYYY-MM-DD. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Evening shifts run 18:00–24:00 Rome time (PIAO: "orario 18.00-23.00 o 18.00-24,00"). */
export const EVENING_WINDOW = { startHour: 18, endHour: 24 } as const

/**
 * True when a shift starts no earlier than 18:00 and ends no later than midnight of the same
 * Rome day, and ends after it starts. Computed from the Rome date, so it holds on DST days too.
 */
export function isWithinEveningWindow(startedAt: string, endedAt: string): boolean {
  const start = Date.parse(startedAt)
  const end = Date.parse(endedAt)
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return false
  const day = romeDate(startedAt)
  const windowStart = Date.parse(fromRomeInput(`${day}T${pad(EVENING_WINDOW.startHour)}:00`))
  const windowEnd = Date.parse(fromRomeInput(addCalendarDays(day, 1)))
  return start >= windowStart && end <= windowEnd
}

const displayFormat = new Intl.DateTimeFormat('it-IT', { timeZone: ROME_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' })

/** An instant for people to read, in Rome time. */
export function formatRome(iso: string): string {
  return displayFormat.format(new Date(iso))
}

/** A Rome calendar day (YYYY-MM-DD) as Italians write it: 05/11/2022. */
export function formatRomeDay(day: string): string {
  const [y, m, d] = day.split('-')
  return d && m && y ? `${d}/${m}/${y}` : day
}
