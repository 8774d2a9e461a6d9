/**
 * A promise's outcome held as a value. The engine overlaps a network call with an IndexedDB
 * write and may await either first: settling both up front means a failure of the one not yet
 * awaited is neither unhandled nor lost, and is rethrown when its turn comes.
 */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

export function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  )
}

export function unwrap<T>(outcome: Settled<T>): T {
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

export const settledNothing: Promise<Settled<void>> = Promise.resolve({ ok: true, value: undefined })
