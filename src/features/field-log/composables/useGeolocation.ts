import { ref } from 'vue'
import type { GeoPoint } from '~/domain/entry'

/** Above this the position is shown with a warning: too vague to find a broken sign. */
export const ACCURACY_WARNING_M = 50

export type GeolocationProblem = 'unsupported' | 'denied' | 'unavailable' | 'timeout'

const PROBLEM_BY_CODE: Record<number, GeolocationProblem> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' }

/**
 * One reading of the position when the user asks for it. Never watchPosition: workers'
 * geolocation is regulated in Italy, so there is no background tracking of any kind.
 */
export function useGeolocation() {
  const reading = ref(false)
  const problem = ref<GeolocationProblem | null>(null)

  function read(): Promise<GeoPoint | null> {
    problem.value = null
    const geo = globalThis.navigator?.geolocation
    if (!geo) {
      problem.value = 'unsupported'
      return Promise.resolve(null)
    }
    reading.value = true
    return new Promise((resolve) => {
      geo.getCurrentPosition(
        (pos) => {
          reading.value = false
          resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: Math.round(pos.coords.accuracy) })
        },
        (err) => {
          reading.value = false
          problem.value = PROBLEM_BY_CODE[err.code] ?? 'unavailable'
          resolve(null)
        },
        { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
      )
    })
  }

  return { reading, problem, read }
}
