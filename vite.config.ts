/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import pkg from './package.json' with { type: 'json' }

const src = fileURLToPath(new URL('./src', import.meta.url))

export default defineConfig(({ command }) => ({
  resolve: {
    alias: [
      { find: '~', replacement: src },
      // Dexie's modern (ES2018) build rather than the ES5 one behind its import wrapper: about 2 KB
      // gzip less on the first screen (issue 16). The wrapper only keeps a CommonJS copy and an ES
      // copy from meeting; with every 'dexie' import resolved here there is one copy.
      { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
      // The same code as the ES5 build its package.json points bundlers to, 1 KB gzip smaller.
      { find: /^workbox-window$/, replacement: 'workbox-window/build/workbox-window.prod.mjs' },
    ],
  },
  define: {
    // Shown on the settings/about screen.
    __APP_VERSION__: JSON.stringify(pkg.version),
    // Vue and vue-i18n feature flags: composition API only (every component is <script setup>),
    // no devtools hooks in production, and vue-i18n's message compiler left out for the app's own
    // (src/i18n/message-compiler.ts): a smaller first screen.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_OPTIONS_API__: false,
    // Built app only: the unit tests compare the app's compiler with vue-i18n's (tests/unit/i18n).
    __INTLIFY_DROP_MESSAGE_COMPILER__: command === 'build',
  },
  plugins: [
    vue(),
    VitePWA({
      // 'prompt', never 'autoUpdate': an automatic reload would throw away a half-filled form.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.ico', 'apple-touch-icon-180x180.png'],
      manifest: {
        name: 'SulCampo',
        short_name: 'SulCampo',
        description: 'Registra sul campo il lavoro che realizza gli obiettivi del PIAO, anche senza rete.',
        lang: 'it',
        theme_color: '#0066cc',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        icons: [
          { src: 'pwa-64x64.png', sizes: '64x64', type: 'image/png' },
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell only: Supabase calls are never cached by the service worker.
        globPatterns: ['**/*.{js,css,html,ico,png,svg,woff2}'],
        navigateFallback: '/index.html',
        // The embed view is always fetched: its frame-ancestors header (the origins the admin
        // lists) must be the server's of now, never a cached page's 'none'. Open-data files are
        // the server's too, never the app shell.
        navigateFallbackDenylist: [/^\/(auth|rest|storage)\//, /^\/trasparenza\/(incorpora(\/|$)|dati\/)/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the entry imports statically ('$initial') in two chunks, its libraries and the app's
          // own shell: fewer requests and less per-chunk overhead than the automatic split. Nothing a
          // later screen imports lazily is pulled in (issue 16): supabase-js, the sync engine, the
          // catalogue of the demo plan, the features' messages and every route's code stay out.
          groups: [
            { name: 'vendor', test: /node_modules/, tags: ['$initial'] },
            { name: 'shell', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'jsdom',
          // Some unit tests push hundreds of rows through fake-indexeddb; on 2 busy cores that can pass 5 s.
          // Limits here guard against hangs, not speed: speed lives in the benchmarks.
          testTimeout: 20_000,
          setupFiles: ['tests/support/fake-indexeddb-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/stack-global-setup.ts'],
          setupFiles: ['tests/support/fake-indexeddb-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/e2e-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
}))
