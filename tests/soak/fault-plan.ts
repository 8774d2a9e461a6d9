import { FAULT_KINDS, type FaultKind, type ProxiedRequest } from '../support/fault-proxy'
import type { Random } from './seeded-random'

export interface SoakFaults {
  /** Share of sync calls that meet a fault; 0 leaves the network healthy. */
  rate: number
  /** Relative frequency of each kind; timeouts and restarts are the slow ones, so rarer by default. */
  weights?: Partial<Record<FaultKind, number>>
}

const DEFAULT_WEIGHTS: Record<FaultKind, number> = { drop_before: 2, drop_after_commit: 2, cut_mid_response: 2, http_500: 2, slow_answer: 1, timeout: 1, gateway_restart: 1 }

export interface FaultPlan {
  decide(request: ProxiedRequest): FaultKind | null
  /** The final phase: the network heals. */
  heal(): void
}

/**
 * Faults dealt from a shuffled deck (each kind by its weight, padded with healthy calls
 * to the rate), reshuffled when used up: every kind shows up early and evenly, and the
 * same seed deals the same sequence. Only the sync RPCs are hit; sign-in is not the subject.
 */
export function faultPlan(faults: SoakFaults, random: Random): FaultPlan {
  const weights = { ...DEFAULT_WEIGHTS, ...faults.weights }
  const faulty = FAULT_KINDS.flatMap((kind) => Array<FaultKind | null>(weights[kind]).fill(kind))
  const healthy = faults.rate > 0 ? Math.round((faulty.length * (1 - faults.rate)) / faults.rate) : 0
  const cards = [...faulty, ...Array<null>(healthy).fill(null)]
  let deck: (FaultKind | null)[] = []
  let healed = faults.rate <= 0
  return {
    decide({ path }) {
      if (healed || !path.startsWith('/rest/v1/rpc/sync_')) return null
      if (deck.length === 0) deck = random.shuffled(cards)
      return deck.pop() ?? null
    },
    heal() {
      healed = true
    },
  }
}
