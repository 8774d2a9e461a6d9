import { toDisplayString } from 'vue'
import type { MessageCompiler, MessageContext, MessageFunction } from 'vue-i18n'

/**
 * A compiler for the message syntax SulCampo uses: text with `{name}` placeholders, and plural
 * forms separated by `|` (chosen by vue-i18n's plural rule). It stands in for vue-i18n's full
 * compiler, which the first screen would otherwise download (issue 16). Like that one it builds
 * functions from data and never evaluates code, so the CSP needs no 'unsafe-eval'. The rest of
 * vue-i18n's syntax (linked `@:` messages, `{'literal'}`, list `{0}`) is refused, and a unit test
 * checks every message of the app against vue-i18n's own compiler.
 */

type Part = string | { name: string }

const PLACEHOLDER = /\{\s*([A-Za-z_]\w*)\s*\}/g
const SPECIAL = /[{}@|]/

export class UnsupportedMessageError extends Error {
  constructor(message: string) {
    super(`message syntax not supported by SulCampo's compiler: ${JSON.stringify(message)}`)
  }
}

function parseForm(form: string, whole: string): Part[] {
  const parts: Part[] = []
  let last = 0
  for (const match of form.matchAll(PLACEHOLDER)) {
    parts.push(form.slice(last, match.index), { name: match[1]! })
    last = match.index + match[0].length
  }
  parts.push(form.slice(last))
  if (parts.some((part) => typeof part === 'string' && SPECIAL.test(part))) throw new UnsupportedMessageError(whole)
  return parts.filter((part) => part !== '')
}

/** Placeholders shown as in a template's {{ }}, as vue-i18n shows them. */
function render(ctx: MessageContext, parts: Part[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : toDisplayString(ctx.named(part.name)))).join('')
}

function parse(message: string): MessageFunction<string> {
  const forms = message.split('|')
  if (forms.length === 1) {
    const parts = parseForm(message, message)
    return ((ctx: MessageContext) => render(ctx, parts)) as MessageFunction<string>
  }
  // Around the bars, spaces only separate the forms.
  const plural = forms.map((form) => parseForm(form.trim(), message))
  return ((ctx: MessageContext) => ctx.plural(plural.map((parts) => render(ctx, parts)))) as MessageFunction<string>
}

const compiled = new Map<string, MessageFunction<string>>()

export const compileMessage: MessageCompiler = (message) => {
  if (typeof message !== 'string') throw new UnsupportedMessageError(JSON.stringify(message))
  let format = compiled.get(message)
  if (!format) compiled.set(message, (format = parse(message)))
  return format
}
