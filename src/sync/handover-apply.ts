import type { SupabaseClient } from '@supabase/supabase-js'
import type { HandoverFile } from '~/domain/handover'
import type { MutationResult, RejectCode } from '~/domain/sync-protocol'
import { SyncError } from './sync-error'
import { callRpc, RPC_TIMEOUT_MS } from './transport'

/** Mutations per apply_handover call: the same batch as a push (the server takes up to 1000). */
const MUTATIONS_PER_CALL = 500

export interface HandoverOutcome {
  /** Applied now or before (a mutation applied once, by this file or by the original device, answers applied again). */
  applied: number
  /** The server kept its own value; the lost one is in the entry's history. */
  conflicts: number
  rejected: { id: string; code: RejectCode; message: string }[]
  photosStored: number
  photosRefused: number
  contactsStored: number
  contactsRefused: number
}

/** The server refused the whole file: the signed-in user is neither its author nor an admin. */
export class HandoverForbiddenError extends Error {
  override readonly name = 'HandoverForbiddenError'
}

interface HandoverAnswer {
  mutations: MutationResult[]
  photos: { id: string; status: 'applied' | 'rejected' }[]
}

async function applyPart(client: SupabaseClient, file: HandoverFile, mutations: unknown[], photos: unknown[]): Promise<HandoverAnswer> {
  try {
    const answer = (await callRpc(client, 'apply_handover', { author: file.author.userId, mutations, photos }, RPC_TIMEOUT_MS)) as HandoverAnswer | null
    if (!answer || !Array.isArray(answer.mutations) || answer.mutations.length !== mutations.length || !Array.isArray(answer.photos)) {
      throw new SyncError('protocol', 'apply_handover answered something that is not a hand-over result')
    }
    return answer
  } catch (error) {
    if (error instanceof SyncError && /handover_forbidden/.test(error.message)) throw new HandoverForbiddenError(error.message)
    throw error
  }
}

/**
 * Sends the file's mutations (in batches, in order) and then its photos (one a call: they are
 * large) to apply_handover, then its reporters' contacts. Each mutation id is applied at most once, so sending a file again
 * after a failure halfway, or twice, never duplicates anything.
 */
export async function applyHandover(client: SupabaseClient, file: HandoverFile): Promise<HandoverOutcome> {
  const outcome: HandoverOutcome = { applied: 0, conflicts: 0, rejected: [], photosStored: 0, photosRefused: 0, contactsStored: 0, contactsRefused: 0 }
  for (let at = 0; at < file.mutations.length; at += MUTATIONS_PER_CALL) {
    const { mutations } = await applyPart(client, file, file.mutations.slice(at, at + MUTATIONS_PER_CALL), [])
    for (const result of mutations) {
      if (result.status === 'applied') outcome.applied++
      else if (result.status === 'conflict') outcome.conflicts++
      else outcome.rejected.push({ id: result.id, code: result.code, message: result.message })
    }
  }
  for (const photo of file.photos) {
    const { photos } = await applyPart(client, file, [], [photo])
    if (photos[0]?.status === 'applied') outcome.photosStored++
    else outcome.photosRefused++
  }
  // After the reports: save_report_contact needs its report on the server, and replaces, so a
  // file imported twice stores each contact once. The author or an admin may write it.
  for (const { entryId, contact } of file.contacts ?? []) {
    try {
      await callRpc(client, 'save_report_contact', { entry_id: entryId, contact }, RPC_TIMEOUT_MS)
      outcome.contactsStored++
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'rejected_batch')) throw error
      outcome.contactsRefused++
    }
  }
  return outcome
}
