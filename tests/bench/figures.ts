/** The small sums every benchmark prints its figures with. */

/** Nearest-rank percentile (p in 0..100) of some timings. */
export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export const round1 = (n: number) => Math.round(n * 10) / 10
