import { describe, expect, it } from 'vitest'
import { embedOriginProblem, normalisedOrigin } from '~/features/transparency/embed-origin'

describe('the origins an admin may list to embed the public page', () => {
  it.each(['https://www.comune.pisogne.bs.it', 'https://trasparenza.comune.it:8443', 'https://xn--comune-citt-q7a.it', 'https://localhost'])('accepts %s', (origin) => {
    expect(embedOriginProblem(origin)).toBeNull()
  })

  it.each([
    ['', 'required'],
    ['http://www.comune.it', 'not_https'],
    ['www.comune.it', 'not_https'],
    ['https://*.comune.it', 'wildcard'],
    ['https://www.comune.it/trasparenza', 'not_origin'],
    ['https://www.comune.it/', 'not_origin'],
    ['https://WWW.comune.it', 'not_origin'],
    ['https://comune.it:99999', 'not_origin'],
    ['https://comune.it:0', 'not_origin'],
    ['https://user@comune.it', 'not_origin'],
    ['https://comune.it; script-src data:', 'not_origin'],
    ['https://comune.it\r\nx-evil: 1', 'not_origin'],
    ['https://-comune.it', 'not_origin'],
  ])('refuses %j (%s), as the server does', (origin, problem) => {
    expect(embedOriginProblem(origin)).toBe(problem)
  })

  it('takes what the address bar shows: spaces, a trailing slash and capitals dropped, a path kept to be refused', () => {
    expect(normalisedOrigin('  https://WWW.Comune.Pisogne.bs.it/ ')).toBe('https://www.comune.pisogne.bs.it')
    expect(normalisedOrigin('https://www.comune.it/Trasparenza')).toBe('https://www.comune.it/Trasparenza')
    expect(embedOriginProblem(normalisedOrigin('HTTP://Comune.it'))).toBe('not_https')
  })
})
