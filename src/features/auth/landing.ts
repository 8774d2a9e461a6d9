import type { Role } from '~/features/profile/profile'

/**
 * Where each role starts its day: officers and road crews log work on "Sul campo", managers
 * read the dashboard, admins keep the plan on administration. Office staff log office figures
 * per objective, so they start on the objectives list, which stays one tap away for everyone.
 */
const LANDING: Record<Role, string> = {
  officer: '/campo',
  worker: '/campo',
  staff: '/',
  manager: '/cruscotto',
  admin: '/amministrazione',
}

/**
 * The page to open after signing in. A deep link the user followed (a shared objective) wins;
 * the front page means "where I start", so it becomes the role's own page. Only same-app
 * paths are followed: a crafted ?redirect= must not send the user elsewhere.
 */
export function afterSignInPath(redirect: unknown, role: Role): string {
  const sameApp = typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//')
  return sameApp && redirect !== '/' ? redirect : LANDING[role]
}
