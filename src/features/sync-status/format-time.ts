import { ROME_TIME_ZONE } from '~/domain/time-rome'

/** A moment as people in Pisogne read it, whatever the device's own time zone. */
export function formatRomeDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: ROME_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso))
}
