import { liveQuery, type Subscription } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import type { SulCampoDb } from '~/db/database'
import { writeChange } from '~/db/local-writes'
import { entryById, myRecentEntries, openReportsOldestFirst, pendingEntityIds, programmeFor } from '~/db/entry-queries'
import { keepContact } from '~/db/pending-contacts-repo'
import { writeEntryWithPhotos, type NewPhoto } from '~/db/photos-repo'
import { isQuotaExceeded } from '~/db/quota'
import type { Entry, EntryKind, ReportStatus } from '~/domain/entry'
import type { MaintenanceReportPayload } from '~/domain/entry-payloads'
import { objectiveForKind, objectiveInForce, type ObjectiveChoice } from '~/domain/objective-for-kind'
import { romeDate, romeMonth } from '~/domain/time-rome'
import { validatePayload, type FieldErrors } from '~/domain/validation'
import { contactProblems, isEmptyContact, type ContactProblems, type ReporterContact } from '~/domain/work-orders/reporter-contact'
import { useObjectivesStore } from '~/features/objectives/objectives-store'
import { useProfileStore } from '~/features/profile/profile-store'
import { afterLocalWrite } from './after-save'
import { canEdit, newEntry, occurredAtOf } from './entry-factory'

/**
 * Why a valid form could not be stored on the device; translated under fieldLog.failure. No plan
 * in force on the entry's day (or none with an objective for its kind): the server would refuse
 * it (`objective_not_in_force`), so nothing is saved.
 */
export type SaveFailure = 'storage_full' | 'no_plan_in_force' | 'no_objective'

export type SaveResult =
  | { ok: true; entry: Entry }
  | { ok: false; errors: FieldErrors; failure?: SaveFailure; day?: string; contactProblems?: ContactProblems }

function refused(choice: Extract<ObjectiveChoice, { ok: false }>): SaveResult {
  return { ok: false, errors: {}, failure: choice.reason, day: choice.day }
}

/** What was taken with a new entry besides its fields: photos, and for a report its reporter's contact. */
export interface Taken {
  photos?: NewPhoto[]
  contact?: ReporterContact | null
}

/** The home lists this many of the author's entries (the query's default). */
const RECENT_SHOWN = 20

/** `entries` (newest first) with a just-saved entry in its place, before the query can say so. */
function withSaved(entries: Entry[], saved: Entry): Entry[] {
  const at = entries.findIndex((e) => e.occurredAt.localeCompare(saved.occurredAt) <= 0)
  const merged = at === -1 ? [...entries, saved] : [...entries.slice(0, at), saved, ...entries.slice(at)]
  return merged.slice(0, RECENT_SHOWN)
}

/** A full device keeps the form on screen with a clear message; any other failure is a bug and propagates. */
async function keepingFormWhenFull(save: () => Promise<SaveResult>): Promise<SaveResult> {
  try {
    return await save()
  } catch (error) {
    if (isQuotaExceeded(error)) return { ok: false, errors: {}, failure: 'storage_full' }
    throw error
  }
}

/** Field entries: create, edit, move a report through its workflow, and the lists the home shows. */
export const useFieldLogStore = defineStore('field-log', () => {
  const db = (): SulCampoDb => appDatabase()
  const recent = ref<Entry[]>([])
  const pending = ref<Set<string>>(new Set())
  const openReports = ref<Entry[]>([])
  let followed: { authorId: string; subscriptions: Subscription[] } | undefined

  function author(): string {
    const userId = useProfileStore().userId
    if (!userId) throw new Error('no signed-in user')
    return userId
  }

  async function refresh(): Promise<void> {
    const [mine, waiting, reports] = await Promise.all([
      myRecentEntries(db(), author()),
      pendingEntityIds(db()),
      openReportsOldestFirst(db()),
    ])
    recent.value = mine
    pending.value = waiting
    openReports.value = reports
  }

  /**
   * Keeps the home's lists live for the signed-in author: what the store holds shows at once on
   * every visit, and a sync that sends a change or brings new rows updates lists and badges in
   * place. Idempotent; the subscriptions outlive the view so a return to the home queries nothing.
   */
  function follow(): void {
    const authorId = author()
    if (followed?.authorId === authorId) return
    if (followed) {
      followed.subscriptions.forEach((s) => s.unsubscribe())
      recent.value = [] // another user signed in on this device: never show the previous one's entries
    }
    followed = {
      authorId,
      subscriptions: [
        liveQuery(() => myRecentEntries(db(), authorId, RECENT_SHOWN)).subscribe((rows) => (recent.value = rows)),
        liveQuery(() => pendingEntityIds(db())).subscribe((ids) => (pending.value = ids)),
        liveQuery(() => openReportsOldestFirst(db())).subscribe((rows) => (openReports.value = rows)),
      ],
    }
  }

  /**
   * Validates, then saves the entry and its outbox mutation (and photos) in one transaction. The
   * objective is that of the plan in force on the entry's day: found by kind for field work, or
   * the one given (office updates), which must belong to that plan.
   */
  function create(kind: EntryKind, objectiveId: string | null, input: Record<string, unknown>, taken: Taken = {}): Promise<SaveResult> {
    return keepingFormWhenFull(() => createChecked(kind, objectiveId, input, taken))
  }

  async function createChecked(kind: EntryKind, objectiveId: string | null, input: Record<string, unknown>, { photos = [], contact = null }: Taken): Promise<SaveResult> {
    const checked = validatePayload(kind, input)
    const contactRefused = contact && kind === 'maintenance_report' ? contactProblems(contact) : {}
    if (!checked.ok || Object.keys(contactRefused).length > 0) return { ok: false, errors: checked.ok ? {} : checked.errors, contactProblems: contactRefused }
    const now = new Date().toISOString()
    const occurredAt = occurredAtOf(checked.value as unknown as Record<string, unknown>, now)
    const choice = await objectiveFor(kind, objectiveId, occurredAt)
    if (!choice.ok) return refused(choice)
    const objective = choice.objective.id
    const payload = kind === 'evening_shift' ? await withProgramme(objective, checked.value as unknown as Record<string, unknown>) : checked.value
    const entry = newEntry({ kind, objectiveId: objective, payload: payload as typeof checked.value, authorId: author(), occurredAt, now })
    const kept = contact && kind === 'maintenance_report' && !isEmptyContact(contact) ? contact : null
    await db().transaction('rw', [db().entries, db().outbox, db().photos, db().pendingContacts], async () => {
      await writeEntryWithPhotos(db(), { entity: 'entry', op: 'insert', row: entry, data: { ...entry }, authorId: entry.authorId }, photos)
      if (kept) await keepContact(db(), entry, kept, now)
    })
    // Shown before the live queries catch up: the home renders it on its first frame.
    recent.value = withSaved(recent.value, entry)
    pending.value = new Set(pending.value).add(entry.id)
    afterLocalWrite()
    return { ok: true, entry }
  }

  async function objectiveFor(kind: EntryKind, objectiveId: string | null, occurredAt: string): Promise<ObjectiveChoice> {
    const catalogue = useObjectivesStore()
    await catalogue.load()
    if (objectiveId === null) return objectiveForKind(kind, catalogue.allObjectives, catalogue.plans, occurredAt)
    const objective = catalogue.byId(objectiveId)
    return objective ? objectiveInForce(objective, catalogue.plans, occurredAt) : { ok: false, reason: 'no_objective', day: romeDate(occurredAt) }
  }

  /** An evening shift counts towards its month's programme, when a manager set one. */
  async function withProgramme(objectiveId: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const startedAt = typeof input.startedAt === 'string' && input.startedAt ? input.startedAt : null
    const programme = startedAt ? await programmeFor(db(), objectiveId, romeMonth(startedAt)) : undefined
    return { ...input, programmeId: programme?.id ?? null }
  }

  async function update(entry: Entry, changes: Partial<Pick<Entry, 'payload' | 'status' | 'occurredAt'>>): Promise<Entry> {
    const row: Entry = { ...entry, ...changes, updatedAt: new Date().toISOString() }
    // baseVersion is the version the change was made on; the server detects concurrent edits from it.
    await writeChange(db(), { entity: 'entry', op: 'update', row, data: { ...changes }, authorId: author() })
    afterLocalWrite()
    return row
  }

  /** An author's edit of their own unlocked entry; only the changed fields travel. */
  function edit(entry: Entry, input: unknown): Promise<SaveResult> {
    return keepingFormWhenFull(() => editChecked(entry, input))
  }

  /** A new date must still fall while the entry's objective's plan is in force; the entry keeps its objective. */
  async function editChecked(entry: Entry, input: unknown): Promise<SaveResult> {
    if (!canEdit(entry, author())) return { ok: false, errors: { '': 'invalid_entry' } }
    const checked = validatePayload(entry.kind, input)
    if (!checked.ok) return checked
    const payload = checked.value as unknown as Record<string, unknown>
    const occurredAt = occurredAtOf(payload, entry.occurredAt)
    if (occurredAt !== entry.occurredAt) {
      const choice = await objectiveFor(entry.kind, entry.objectiveId, occurredAt)
      if (!choice.ok) return refused(choice)
    }
    const changes = occurredAt === entry.occurredAt ? { payload } : { payload, occurredAt }
    return { ok: true, entry: await update(entry, changes) }
  }

  /** open → in_progress → resolved; resolving records when. */
  async function setReportStatus(entry: Entry, status: ReportStatus): Promise<Entry> {
    const current = entry.payload as unknown as MaintenanceReportPayload
    const resolvedAt = status === 'resolved' ? new Date().toISOString() : null
    const updated = await update(entry, { status, payload: { ...current, resolvedAt } })
    await refresh()
    return updated
  }

  async function load(id: string): Promise<Entry | undefined> {
    return entryById(db(), id)
  }

  return { recent, pending, openReports, refresh, follow, create, edit, setReportStatus, load }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFieldLogStore, import.meta.hot))
