import { createApp } from 'vue'
import { createPinia } from 'pinia'
import '~/ui/styles/main.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n } from './i18n'

const i18n = createAppI18n()
// Screen readers and hyphenation follow the remembered language from the first paint.
document.documentElement.lang = i18n.global.locale.value

createApp(App).use(createPinia()).use(createAppRouter()).use(i18n).mount('#app')
