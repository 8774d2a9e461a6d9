import { createApp } from 'vue'
import { createPinia } from 'pinia'
import '~/ui/styles/main.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n, loadLocale } from './i18n'
import { useProfileStore } from '~/features/profile/profile-store'

/** Longest wait for the device profile before the first render; past it the app renders and catches up. */
const PROFILE_WAIT_MS = 500

const i18n = createAppI18n()
// Screen readers and hyphenation follow the remembered language from the first paint.
document.documentElement.lang = i18n.global.locale.value

const pinia = createPinia()
const app = createApp(App).use(pinia).use(createAppRouter(i18n.global)).use(i18n)
// Knowing the profile before the first render puts the role picker (or the user's screen) in
// place at once, instead of pushing the page down a moment later (layout shift). The static
// shell in index.html is on screen meanwhile.
await Promise.race([useProfileStore(pinia).load().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, PROFILE_WAIT_MS))])
// English is not in the shell: wait for its words rather than paint Italian first (Italian if it cannot load).
await loadLocale(i18n.global, i18n.global.locale.value).catch(() => undefined)
app.mount('#app')
