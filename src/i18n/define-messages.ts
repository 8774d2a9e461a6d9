/**
 * Each feature owns its messages, Italian first. The English object must have the
 * same shape, so a missing translation is a type error, not a blank label.
 */
export interface FeatureMessages<T> {
  it: T
  en: T
}

export function defineMessages<T>(it: T, en: NoInfer<T>): FeatureMessages<T> {
  return { it, en }
}
