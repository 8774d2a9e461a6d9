/**
 * The keys and types publiccode.yml 0.4 lists as mandatory or constrained (the standard's core
 * schema and its Italian section), as a checker that returns every problem found. No network
 * validator is reachable here, so this is what stands in for publiccode-parser.
 */

// The standard's controlled vocabularies (categories-list and scope-list of 0.4).
const CATEGORIES = new Set(
  (
    'accounting agile-project-management applicant-tracking application-development appointment-scheduling backup ' +
    'billing-and-invoicing blog budgeting business-intelligence business-process-management cad call-center-management ' +
    'cloud-management collaboration communications compliance-management contact-management content-management crm ' +
    'customer-service-and-support data-analytics data-collection data-visualization design design-system ' +
    'digital-asset-management digital-citizenship document-management donor-management e-commerce e-signature ' +
    'educational-content email-management email-marketing employee-management enterprise-project-management ' +
    'enterprise-social-networking erp event-management facility-management feedback-and-reviews-management ' +
    'financial-reporting fleet-management fundraising gamification geographic-information-systems grant-management ' +
    'graphic-design help-desk hr ide identity-management instant-messaging integrated-library-system ' +
    'inventory-management it-asset-management it-development it-management it-security it-service-management ' +
    'knowledge-management learning-management-system marketing mind-mapping mobile-marketing mobile-payment ' +
    'network-management office online-booking online-community payment-gateway payroll predictive-analysis procurement ' +
    'productivity-suite project-collaboration project-management property-management real-estate-management ' +
    'regulations-and-directives remote-support resource-management sales-management seo service-desk ' +
    'social-media-management survey talent-management task-management taxes-management test-management time-management ' +
    'time-tracking translation video-conferencing video-editing visitor-management voip warehouse-management ' +
    'web-collaboration web-conferencing website-builder whistleblowing workflow-management'
  ).split(' '),
)
const SCOPES = new Set(
  (
    'agriculture culture defence education emergency-services employment energy environment ' +
    'finance-and-economic-development foreign-affairs government healthcare infrastructures justice local-authorities ' +
    'manufacturing research science-and-technology security society sport tourism transportation welfare'
  ).split(' '),
)
const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete']
const SOFTWARE_TYPES = [
  'standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other',
  'addon', 'library', 'configurationFiles',
]
const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none']
const TOP_LEVEL_KEYS = new Set([
  'publiccodeYmlVersion', 'name', 'applicationSuite', 'url', 'landingURL', 'isBasedOn', 'softwareVersion', 'releaseDate',
  'logo', 'monochromeLogo', 'inputTypes', 'outputTypes', 'platforms', 'categories', 'usedBy', 'roadmap',
  'developmentStatus', 'softwareType', 'intendedAudience', 'description', 'legal', 'maintenance', 'localisation',
  'dependsOn', 'IT', 'it',
])
const DESCRIPTION_KEYS = new Set([
  'localisedName', 'genericName', 'shortDescription', 'longDescription', 'documentation', 'apiDocumentation', 'features',
  'screenshots', 'videos', 'awards',
])
// BCP 47 with its primary language subtag, as the standard demands (it, en, sl-IT-nedis).
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

type Problems = string[]
type Node = Record<string, unknown>

const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value)
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string')
const isUrl = (value: unknown) => typeof value === 'string' && URL.canParse(value) && /^(https?|git|ssh):/.test(value)

/** `fileExists` answers for the repository paths the file names (logo, screenshots). */
export function publiccodeProblems(doc: unknown, fileExists: (path: string) => boolean): Problems {
  const problems: Problems = []
  const need = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem)
  }
  if (!isObject(doc)) return ['the document is not a mapping']

  for (const key of Object.keys(doc)) need(TOP_LEVEL_KEYS.has(key), `unknown top-level key ${key}`)
  need(doc.publiccodeYmlVersion === '0.4', 'publiccodeYmlVersion must be the string "0.4"')
  need(typeof doc.name === 'string' && doc.name !== '', 'name must be a non-empty string')
  need(isUrl(doc.url), 'url must be the repository URL')
  need(isStringList(doc.platforms) && doc.platforms.length > 0, 'platforms must list at least one platform')
  need(isStringList(doc.categories) && doc.categories.length > 0 && doc.categories.every((c) => CATEGORIES.has(c)), 'categories must list words of the categories list')
  need(DEVELOPMENT_STATUSES.includes(doc.developmentStatus as string), `developmentStatus must be one of ${DEVELOPMENT_STATUSES.join(', ')}`)
  need(SOFTWARE_TYPES.includes(doc.softwareType as string), `softwareType must be one of ${SOFTWARE_TYPES.join(', ')}`)
  if (doc.softwareVersion !== undefined) need(typeof doc.softwareVersion === 'string', 'softwareVersion must be a string')
  if (doc.releaseDate !== undefined) need(typeof doc.releaseDate === 'string' && DATE.test(doc.releaseDate), 'releaseDate must be a YYYY-MM-DD string')
  if (doc.logo !== undefined) need(typeof doc.logo === 'string' && /\.(svgz?|png)$/.test(doc.logo) && fileExists(doc.logo), 'logo must be an SVG or PNG in the repository')
  checkAudience(doc.intendedAudience, need)
  checkDescription(doc.description, need, fileExists)
  need(isObject(doc.legal) && typeof doc.legal.license === 'string' && /^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$/.test(doc.legal.license), 'legal.license must be an SPDX expression')
  checkMaintenance(doc.maintenance, need)
  const loc = doc.localisation
  need(isObject(loc) && typeof loc.localisationReady === 'boolean', 'localisation.localisationReady must be a boolean')
  need(isObject(loc) && isStringList(loc.availableLanguages) && loc.availableLanguages.length > 0 && loc.availableLanguages.every((l) => LANGUAGE_TAG.test(l)), 'localisation.availableLanguages must list BCP 47 tags')
  for (const key of ['IT', 'it'] as const) {
    if (doc[key] !== undefined) need(isObject(doc[key]) && doc[key].countryExtensionVersion === '1.0', `${key}.countryExtensionVersion must be the string "1.0"`)
  }
  return problems
}

type Need = (ok: boolean, problem: string) => void

function checkAudience(audience: unknown, need: Need): void {
  if (audience === undefined) return
  need(isObject(audience), 'intendedAudience must be a mapping')
  if (!isObject(audience)) return
  if (audience.scope !== undefined) need(isStringList(audience.scope) && audience.scope.every((s) => SCOPES.has(s)), 'intendedAudience.scope must list words of the scope list')
  for (const key of ['countries', 'unsupportedCountries']) {
    if (audience[key] !== undefined) need(isStringList(audience[key]) && audience[key].every((c) => /^[a-z]{2}$/.test(c)), `intendedAudience.${key} must list lowercase ISO 3166-1 alpha-2 codes`)
  }
}

function checkDescription(description: unknown, need: Need, fileExists: (path: string) => boolean): void {
  need(isObject(description) && Object.keys(description).length > 0, 'description must have at least one language')
  if (!isObject(description)) return
  for (const [lang, text] of Object.entries(description)) {
    need(LANGUAGE_TAG.test(lang), `description.${lang} is not a BCP 47 language tag`)
    if (!isObject(text)) {
      need(false, `description.${lang} must be a mapping`)
      continue
    }
    for (const key of Object.keys(text)) need(DESCRIPTION_KEYS.has(key), `unknown key description.${lang}.${key}`)
    const short = text.shortDescription
    need(typeof short === 'string' && short.length > 0 && [...short].length <= 150, `description.${lang}.shortDescription must be 1–150 characters`)
    const long = text.longDescription
    need(typeof long === 'string' && [...long].length >= 150 && [...long].length <= 10_000, `description.${lang}.longDescription must be 150–10,000 characters`)
    need(isStringList(text.features) && text.features.length > 0 && text.features.every((f) => [...f].length <= 100), `description.${lang}.features must list features of at most 100 characters`)
    if (text.screenshots !== undefined) {
      need(isStringList(text.screenshots) && text.screenshots.every((s) => /\.(png|jpe?g)$/i.test(s) && fileExists(s)), `description.${lang}.screenshots must be PNG or JPG files in the repository`)
    }
  }
}

function checkMaintenance(maintenance: unknown, need: Need): void {
  need(isObject(maintenance) && MAINTENANCE_TYPES.includes(maintenance.type as string), `maintenance.type must be one of ${MAINTENANCE_TYPES.join(', ')}`)
  if (!isObject(maintenance)) return
  const named = (list: unknown) => Array.isArray(list) && list.length > 0 && list.every((item) => isObject(item) && typeof item.name === 'string' && item.name !== '')
  if (maintenance.type === 'internal' || maintenance.type === 'community') need(named(maintenance.contacts), 'maintenance.contacts must name at least one person')
  if (maintenance.type === 'contract') {
    const contractors = maintenance.contractors
    need(named(contractors) && (contractors as Node[]).every((c) => typeof c.until === 'string' && DATE.test(c.until)), 'maintenance.contractors must each have a name and an until date')
  }
}
