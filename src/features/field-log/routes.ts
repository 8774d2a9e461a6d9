import type { RouteRecordRaw } from 'vue-router'

/** /campo is the field home of officers and road crews. */
export const fieldLogRoutes: RouteRecordRaw[] = [
  { path: '/campo', name: 'field-home', component: () => import('./views/FieldHomeView.vue') },
  { path: '/campo/pattuglia', name: 'field-patrol', component: () => import('./views/PatrolView.vue') },
  { path: '/campo/nuovo/:kind', name: 'field-new', component: () => import('./views/NewEntryView.vue'), props: true },
  { path: '/campo/voce/:id', name: 'field-edit', component: () => import('./views/EditEntryView.vue'), props: true },
  { path: '/registro/ufficio/:objectiveId', name: 'field-office', component: () => import('./views/OfficeUpdateView.vue'), props: true },
  { path: '/neve', name: 'snow-plan', component: () => import('./views/SnowView.vue') },
  { path: '/neve/percorso/:routeId', name: 'snow-route', component: () => import('./views/SnowRouteView.vue'), props: true },
]
