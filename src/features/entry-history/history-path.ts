/** The id of the history section in the entry view, the anchor links to it aim at. */
export const HISTORY_ANCHOR = 'cronologia'

/** The entry view scrolled to its change history (a work order's history is its report's). */
export const entryHistoryPath = (entryId: string) => `/campo/voce/${entryId}#${HISTORY_ANCHOR}`
