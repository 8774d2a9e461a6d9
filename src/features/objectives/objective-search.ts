import type { Objective } from '~/domain/objective'

/** Lower case without accents, so "qualita" finds "qualità" and "CITTA" finds "città". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
}

/** Matches every word of the query against the title, the Responsabile and the measurement. */
export function matchesSearch(objective: Objective, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = foldForSearch([objective.title, objective.responsabile, objective.measurement].join(' '))
  return words.every((word) => haystack.includes(word))
}
