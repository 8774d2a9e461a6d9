import { onMounted, ref } from 'vue'
import { readStorageStatus, type StorageStatus } from '~/pwa/storage-persistence'

/** The storage facts the settings screen shows, read once when it opens. */
export function useDeviceStatus() {
  const storage = ref<StorageStatus | null>(null)
  onMounted(async () => {
    storage.value = await readStorageStatus()
  })
  return { storage }
}

export function formatMegabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000)
}
