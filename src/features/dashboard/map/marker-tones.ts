import type { ClockState } from '~/domain/work-orders/clock'
import type { LocatedItem } from './located-items'

/** What a marker's colour says: a report's 8-day clock, or "not a report". */
export type MarkerTone = ClockState | 'other'

/**
 * A report's clock from green to red, other entries in the app's blue. Outside leaflet-map.ts so
 * the legend can show them without loading Leaflet; the list says the same in words.
 */
export const MARKER_COLOURS: Record<MarkerTone, string> = {
  on_time: '#1a7f37',
  due_soon: '#b26b00',
  due_today: '#d4490f',
  overdue: '#c62828',
  other: '#0066cc',
}

export const toneOf = (item: Pick<LocatedItem, 'clock'>): MarkerTone => item.clock ?? 'other'
