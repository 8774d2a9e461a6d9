import * as v from 'valibot'
import { SYNC_ENTITIES, type Mutation, type PhotoUpload } from './sync-protocol'
import type { ReporterContact } from './work-orders/reporter-contact'

/**
 * The hand-over file (issue 14 item 3): a user's unsent work carried to another device or to an
 * admin when this one cannot sync. It says whose work it is; a SHA-256 checksum over its content
 * makes any change to it (a damaged copy, an edited line) refuse the whole file. The checksum
 * proves integrity, not identity: who may apply the work is decided by the server
 * (apply_handover: the author or an admin, judged by the author's rights).
 */
export const HANDOVER_FORMAT = 'sulcampo-lavoro-non-inviato'
export const HANDOVER_VERSION = 1

export interface HandoverContent {
  format: typeof HANDOVER_FORMAT
  version: typeof HANDOVER_VERSION
  exportedAt: string
  author: { userId: string; displayName: string }
  mutations: Mutation[]
  /** As upload_photo takes them. */
  photos: PhotoUpload[]
  /**
   * Reporters' contacts not yet sent, as save_report_contact takes them (issue 13 intake). Personal
   * data, so the file is the office's to keep safe, as it already is for the entries. Absent in
   * files exported before intake: the checksum leaves an absent field out.
   */
  contacts?: HandoverContact[]
}

export interface HandoverContact {
  entryId: string
  contact: ReporterContact
}

export interface HandoverFile extends HandoverContent {
  /** `sha256:` and the hex digest of canonicalJson(content). */
  checksum: string
}

export type HandoverProblem = 'not_a_handover' | 'unsupported_version' | 'malformed' | 'checksum_mismatch' | 'foreign_work'

export type OpenedHandover = { ok: true; file: HandoverFile } | { ok: false; problem: HandoverProblem }

/** JSON with every object's keys sorted: the same content always gives the same text to hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined)
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

async function checksumOf(content: HandoverContent): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(content)))
  return `sha256:${[...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`
}

export async function sealHandover(content: HandoverContent): Promise<HandoverFile> {
  return { ...content, checksum: await checksumOf(content) }
}

const uuid = v.pipe(v.string(), v.uuid())
const MutationSchema = v.object({
  id: uuid,
  entity: v.picklist(SYNC_ENTITIES),
  op: v.picklist(['insert', 'update', 'delete']),
  entityId: uuid,
  baseVersion: v.pipe(v.number(), v.integer(), v.minValue(0)),
  data: v.record(v.string(), v.unknown()),
  authorId: uuid,
  createdAt: v.string(),
})
const PhotoSchema = v.object({
  id: uuid,
  entryId: uuid,
  mime: v.literal('image/jpeg'),
  width: v.number(),
  height: v.number(),
  bytes: v.number(),
  data: v.string(),
})
const ContactSchema = v.object({
  entryId: uuid,
  contact: v.object({ name: v.string(), phone: v.string(), email: v.string(), note: v.string() }),
})
const FileSchema = v.object({
  format: v.literal(HANDOVER_FORMAT),
  version: v.literal(HANDOVER_VERSION),
  exportedAt: v.string(),
  author: v.object({ userId: uuid, displayName: v.string() }),
  mutations: v.array(MutationSchema),
  photos: v.array(PhotoSchema),
  contacts: v.optional(v.array(ContactSchema)),
  checksum: v.string(),
})

/** Reads a file as a whole: any problem refuses all of it, so nothing is half-applied. */
export async function openHandover(text: string): Promise<OpenedHandover> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'not_a_handover' }
  }
  const head = parsed as Partial<HandoverFile> | null
  if (!head || typeof head !== 'object' || head.format !== HANDOVER_FORMAT) return { ok: false, problem: 'not_a_handover' }
  if (head.version !== HANDOVER_VERSION) return { ok: false, problem: 'unsupported_version' }
  const checked = v.safeParse(FileSchema, parsed)
  if (!checked.success) return { ok: false, problem: 'malformed' }
  const { checksum, ...content } = checked.output as HandoverFile
  if ((await checksumOf(content)) !== checksum) return { ok: false, problem: 'checksum_mismatch' }
  // One author's work only: the server applies the file as its author, so another's change would be refused anyway.
  if (content.mutations.some((m) => m.authorId !== content.author.userId)) return { ok: false, problem: 'foreign_work' }
  return { ok: true, file: checked.output as HandoverFile }
}

/** The file's name: whose work and when, so an office receiving several can tell them apart. */
export function handoverFileName(file: HandoverFile): string {
  const who = file.author.displayName.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'utente'
  return `sulcampo-non-inviato-${who}-${file.exportedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`
}
