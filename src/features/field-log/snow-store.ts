import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import { activeSnowRoutes, currentSnowEvent, entriesBySnowEvent } from '~/db/entry-queries'
import { writeChange } from '~/db/local-writes'
import { seedDemoSnowRoutesIfEmpty } from '~/db/snow-demo-routes'
import type { Entry } from '~/domain/entry'
import type { SnowEvent, SnowRoute } from '~/domain/plan-data'
import type { FieldErrors } from '~/domain/validation'
import * as v from 'valibot'
import { instant, requiredText } from '~/domain/validation/fields'
import { useProfileStore } from '~/features/profile/profile-store'
import { afterLocalWrite } from './after-save'
import { snowProgress } from './snow-progress'

const snowEventSchema = v.object({ name: requiredText(), startedAt: instant() })

/** The snow plan as the crew and the territorio manager see it: the event, its routes, what is served. */
export const useSnowStore = defineStore('field-log-snow', () => {
  const event = ref<SnowEvent | null>(null)
  const routes = ref<SnowRoute[]>([])
  const interventions = ref<Entry[]>([])
  /** True when the routes shown are the device-only demo ones. */
  const demoRoutes = ref(false)
  const progress = computed(() => snowProgress(routes.value, interventions.value))

  async function refresh(): Promise<void> {
    const db = appDatabase()
    const profile = useProfileStore()
    const now = new Date().toISOString()
    if (profile.mode === 'device') await seedDemoSnowRoutesIfEmpty(db, now)
    routes.value = await activeSnowRoutes(db)
    demoRoutes.value = routes.value.some((r) => r.version === 0 && r.name.startsWith('Demo'))
    event.value = (await currentSnowEvent(db)) ?? null
    interventions.value = event.value ? await entriesBySnowEvent(db, event.value.id) : []
  }

  /** A manager declares a snow event; the active routes become its programme. */
  async function declareEvent(input: { name: string; startedAt: string }): Promise<FieldErrors | null> {
    const checked = v.safeParse(snowEventSchema, input)
    if (!checked.success) return Object.fromEntries(checked.issues.map((i) => [v.getDotPath(i) ?? '', i.message])) as FieldErrors
    const row: SnowEvent = {
      id: crypto.randomUUID(),
      name: checked.output.name,
      startedAt: checked.output.startedAt,
      endedAt: null,
      version: 0,
      updatedAt: new Date().toISOString(),
      deleted: false,
    }
    await writeChange(appDatabase(), { entity: 'snow_event', op: 'insert', row, data: { ...row }, authorId: useProfileStore().userId ?? '' })
    afterLocalWrite()
    await refresh()
    return null
  }

  async function endEvent(): Promise<void> {
    if (!event.value) return
    const endedAt = new Date().toISOString()
    const row: SnowEvent = { ...event.value, endedAt, updatedAt: endedAt }
    await writeChange(appDatabase(), { entity: 'snow_event', op: 'update', row, data: { endedAt }, authorId: useProfileStore().userId ?? '' })
    afterLocalWrite()
    await refresh()
  }

  return { event, routes, interventions, demoRoutes, progress, refresh, declareEvent, endEvent }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSnowStore, import.meta.hot))
