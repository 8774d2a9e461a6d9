import type { RouteRecordRaw } from 'vue-router'

export const TRANSPARENCY_PATH = '/trasparenza'
/** The iframe-safe view a comune's site frames (docs/transparency.md, "Embedding"). */
export const EMBED_PATH = `${TRANSPARENCY_PATH}/incorpora`

/**
 * The public page (docs/transparency.md): no sign-in (`public`), and the citizen's shell
 * (`citizen`): no app navigation, no sync bar, nothing of the device's user. The embed view
 * (`embed`) has no app chrome at all: only its own content, inside the comune's page.
 */
const PUBLIC = { public: true, citizen: true }
const EMBED = { ...PUBLIC, embed: true }
const embedView = () => import('./views/EmbedView.vue')

export const transparencyRoutes: RouteRecordRaw[] = [
  { path: TRANSPARENCY_PATH, name: 'transparency', component: () => import('./views/TransparencyView.vue'), meta: PUBLIC },
  { path: EMBED_PATH, name: 'transparency-embed', component: embedView, meta: EMBED },
  { path: `${EMBED_PATH}/:snapshotId`, name: 'transparency-embed-snapshot', component: embedView, props: true, meta: EMBED },
  {
    path: `${TRANSPARENCY_PATH}/:snapshotId`,
    name: 'transparency-snapshot',
    component: () => import('./views/TransparencyView.vue'),
    props: true,
    meta: PUBLIC,
  },
]
