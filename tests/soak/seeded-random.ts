/** A seeded PRNG (mulberry32): the same seed replays the same chaos schedule. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** True with probability p. */
  chance(p: number): boolean
  /** An integer in [0, n). */
  below(n: number): number
  pick<T>(items: readonly T[]): T
  /** A new array, shuffled (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[]
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const below = (n: number): number => Math.floor(next() * n)
  return {
    next,
    chance: (p) => next() < p,
    below,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[below(items.length)] as (typeof items)[number]
    },
    shuffled: (items) => {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = below(i + 1)
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy
    },
  }
}
