import { describe, expect, it } from 'vitest'
import { afterSignInPath } from '~/features/auth/landing'

describe('where a user lands after signing in', () => {
  it('sends officers and road crews to "Sul campo", managers to the dashboard, admins to administration', () => {
    expect(afterSignInPath(undefined, 'officer')).toBe('/campo')
    expect(afterSignInPath(undefined, 'worker')).toBe('/campo')
    expect(afterSignInPath(undefined, 'manager')).toBe('/cruscotto')
    expect(afterSignInPath(undefined, 'admin')).toBe('/amministrazione')
    expect(afterSignInPath(undefined, 'staff')).toBe('/')
  })

  it('treats the front page as "where I start", so opening the app and signing in lands on the role\'s page', () => {
    expect(afterSignInPath('/', 'manager')).toBe('/cruscotto')
  })

  it('keeps a deep link the user followed before signing in', () => {
    expect(afterSignInPath('/cruscotto/pl-pattugliamento', 'officer')).toBe('/cruscotto/pl-pattugliamento')
  })

  it('never follows a redirect out of the app', () => {
    expect(afterSignInPath('//evil.example/x', 'officer')).toBe('/campo')
    expect(afterSignInPath('https://evil.example/', 'admin')).toBe('/amministrazione')
    expect(afterSignInPath(['/campo', '/x'], 'manager')).toBe('/cruscotto')
  })
})
