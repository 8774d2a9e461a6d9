import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { createAppI18n, loadLocale, LOCALES } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import { compileMessage, UnsupportedMessageError } from '~/i18n/message-compiler'

type Tree = { [key: string]: string | Tree }

function* leaves(tree: Tree, prefix = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') yield [path, value]
    else yield* leaves(value, path)
  }
}

/** Every placeholder filled with a value that names it, so a swapped or dropped one shows (or with a number). */
function namedValues(message: string, number?: number): Record<string, string | number> {
  return Object.fromEntries([...message.matchAll(/\{\s*(\w+)\s*\}/g)].map(([, name]) => [name, number ?? `‹${name}›`]))
}

async function withCompiler(messageCompiler?: typeof compileMessage) {
  const app = createAppI18n('it', FEATURE_MESSAGES).global
  await loadLocale(app, 'en')
  const messages = Object.fromEntries(LOCALES.map((locale) => [locale, app.getLocaleMessage(locale)]))
  return createI18n({ legacy: false, locale: 'it', messages, ...(messageCompiler ? { messageCompiler } : {}) }).global
}

describe("SulCampo's message compiler", () => {
  it('renders every message of the app, in both languages, exactly as vue-i18n\'s own compiler does', async () => {
    const reference = await withCompiler()
    const ours = await withCompiler(compileMessage)
    let checked = 0
    for (const locale of LOCALES) {
      reference.locale.value = locale
      ours.locale.value = locale
      for (const [key, message] of leaves(reference.getLocaleMessage(locale) as Tree)) {
        // A fresh object per call: vue-i18n writes the plural count into the one it is given.
        expect(ours.t(key, namedValues(message)), `${locale} ${key}`).toBe(reference.t(key, namedValues(message)))
        expect(ours.t(key, namedValues(message, 3)), `${locale} ${key}`).toBe(reference.t(key, namedValues(message, 3)))
        if (message.includes('|')) for (const n of [0, 1, 2, 7]) expect(ours.t(key, namedValues(message), n), `${locale} ${key} (${n})`).toBe(reference.t(key, namedValues(message), n))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it("refuses the syntax it does not support, rather than render it differently from vue-i18n", () => {
    for (const message of ['see @:other.key', "an {'@'} sign", 'first {0}', 'half {open', 'close} half']) {
      expect(() => compileMessage(message, { key: 'k', locale: 'it' }), message).toThrow(UnsupportedMessageError)
    }
    // The reference above is vue-i18n's full compiler, which does support linked messages.
    const linked = createI18n({ legacy: false, locale: 'it', messages: { it: { a: 'A', b: 'see @:a' } } }).global
    expect(linked.t('b')).toBe('see A')
  })
})
