import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { markPhotoUploaded } from '~/db/photos-repo'
import { storeDownloadedPhoto } from '~/db/server-photos-repo'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import EntryPhotos from '~/features/field-log/components/EntryPhotos.vue'
import { freshDevice } from './mount-form'

/** Until the liveQuery has answered and the view re-rendered. */
async function settled(): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    expect(document.querySelectorAll('[data-testid="photo-upload"]').length).toBeGreaterThan(0)
  })
}

describe('photos in the entry view', () => {
  beforeEach(async () => {
    await freshDevice()
    // jsdom has no object URLs; the thumbnail is not what these tests look at.
    URL.createObjectURL = vi.fn(() => 'blob:thumbnail')
    URL.revokeObjectURL = vi.fn()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows each photo\'s size and "in attesa di invio" until the sync round sends it, then "inviata"', async () => {
    await appDatabase().photos.add({
      id: 'photo-1', entryId: 'entry-1', blob: new Blob([new Uint8Array(245_000)]), width: 1600, height: 1200,
      bytes: 245_000, uploaded: 0, createdAt: '2026-11-26T10:00:00.000Z',
    })
    const view = mount(EntryPhotos, { props: { entryId: 'entry-1' }, global: { plugins: [createAppI18n('it', FEATURE_MESSAGES)] }, attachTo: document.body })
    await settled()
    expect(view.get('[data-testid="photo-size"]').text()).toBe('1600×1200 px, 245 kB')
    expect(view.get('[data-testid="photo-upload"]').text()).toBe('In attesa di invio')

    await markPhotoUploaded(appDatabase(), 'photo-1', '2026-11-26T10:05:00.000Z')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(view.get('[data-testid="photo-upload"]').text()).toBe('Inviata')
    })
    view.unmount()
  })

  it('counts the photos taken on another device that are not here yet, then shows them as on the server once downloaded', async () => {
    const onServer = { entryId: 'entry-2', width: 1600, height: 1200, bytes: 300_000, createdAt: '2026-11-26T10:00:00.000Z', version: 1 }
    await appDatabase().serverPhotos.bulkAdd([{ ...onServer, id: 'far-1' }, { ...onServer, id: 'far-2' }])
    const view = (locale: 'it' | 'en') =>
      mount(EntryPhotos, { props: { entryId: 'entry-2' }, global: { plugins: [createAppI18n(locale, FEATURE_MESSAGES)] }, attachTo: document.body })
    const english = view('en')
    const italian = view('it')
    const notHere = (v: ReturnType<typeof view>) => v.find('[data-testid="photos-not-here"]')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(notHere(italian).text()).toBe('Foto non ancora su questo dispositivo: 2')
    })
    expect(notHere(english).text()).toBe('Photos not on this device yet: 2')

    await storeDownloadedPhoto(appDatabase(), { ...onServer, id: 'far-1' }, new Blob([new Uint8Array(300_000)]), '2026-11-26T11:00:00.000Z')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(notHere(english).text()).toBe('Photo not on this device yet: 1')
    })
    expect(english.get('[data-testid="photo-upload"]').text()).toBe('On the server')
    expect(italian.get('[data-testid="photo-upload"]').text()).toBe('Sul server')
    expect(italian.get('[data-testid="photo-size"]').text()).toBe('1600×1200 px, 300 kB')

    await storeDownloadedPhoto(appDatabase(), { ...onServer, id: 'far-2' }, new Blob([new Uint8Array(300_000)]), '2026-11-26T11:00:00.000Z')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(notHere(italian).exists()).toBe(false)
    })
    expect(italian.findAll('[data-testid="photo-upload"]')).toHaveLength(2)
    english.unmount()
    italian.unmount()
  })
})
