import { expect } from 'vitest'
import type { Mutation, RejectCode } from '~/domain/sync-protocol'
import { DEMO } from '../supabase-clients'
import {
  countPayload,
  deleteMutation,
  entryInsert,
  expectRejected,
  pushOne,
  reportPayload,
  storedRow,
  updateMutation,
  type Fixtures,
  type Probe,
} from './probe-kit'

type Member = keyof typeof DEMO

function foreignObjectiveProbe(actor: Member, objectiveId: string): Probe {
  return {
    actor,
    attack: `logs an entry on ${objectiveId}, an objective of an area that is neither theirs nor contributing`,
    expected: 'rejected forbidden, nothing stored',
    async run(kit) {
      const mutation = entryInsert(actor, objectiveId, 'count_update', countPayload())
      expectRejected(await pushOne(await kit.client(actor), mutation), 'forbidden')
      expect(await storedRow('entries', mutation.entityId)).toBeUndefined()
    },
  }
}

/** An attack on someone else's entry: rejected with one of `codes`, and the stored row identical afterwards. */
function tamperProbe(actor: Member, attack: string, target: keyof Fixtures, data: Record<string, unknown> | 'delete', codes: RejectCode[]): Probe {
  return {
    actor,
    attack,
    expected: `rejected ${codes.join(' or ')}, the row unchanged`,
    async run(kit) {
      const { entityId } = kit.fixtures[target] as { entityId: string }
      const before = await storedRow('entries', entityId)
      const version = Number(before?.version)
      const mutation = data === 'delete' ? deleteMutation(actor, 'entry', entityId, version) : updateMutation(actor, 'entry', entityId, data, version)
      expectRejected(await pushOne(await kit.client(actor), mutation), ...codes)
      expect(await storedRow('entries', entityId)).toEqual(before)
    },
  }
}

/** Another user's applied mutation id, reused: refused, nothing of theirs leaked or changed, nothing new stored. */
function replayProbe(actor: Member, how: string, replay: (mutationId: string, entityId: string) => Mutation): Probe {
  return {
    actor,
    attack: `replays the officer’s applied mutation id ${how}`,
    expected: 'rejected forbidden, the officer’s stored answer not leaked, their entry unchanged',
    async run(kit) {
      const { mutationId, entityId } = kit.fixtures.officerCount
      const before = await storedRow('entries', entityId)
      const mutation = replay(mutationId, entityId)
      const result = await pushOne(await kit.client(actor), mutation)
      expectRejected(result, 'forbidden')
      expect(JSON.stringify(result)).not.toContain(DEMO.officer.id)
      expect(await storedRow('entries', entityId)).toEqual(before)
      if (mutation.entityId !== entityId) expect(await storedRow('entries', mutation.entityId)).toBeUndefined()
    },
  }
}

const SERVER_OWNED_FORGERY = {
  authorId: DEMO.worker.id,
  author_id: DEMO.worker.id,
  createdAt: '2001-01-01T00:00:00.000Z',
  updatedAt: '2001-01-01T00:00:00.000Z',
  updatedBy: DEMO.admin.id,
  version: 999,
  txid: 1,
}

export const ENTRY_WRITE_PROBES: Probe[] = [
  foreignObjectiveProbe('officer', 'terr-piano-neve'),
  foreignObjectiveProbe('officer', 'fin-imu-tari'),
  foreignObjectiveProbe('worker', 'pl-pattugliamento'),
  foreignObjectiveProbe('policeManager', 'soc-alloggi-sap'),
  foreignObjectiveProbe('territoryManager', 'pl-turni-serali'),
  {
    actor: 'officer',
    attack: 'pushes a mutation whose authorId is the road-crew worker',
    expected: 'rejected author_mismatch, nothing stored',
    async run(kit) {
      const mutation = { ...entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload()), authorId: DEMO.worker.id }
      expectRejected(await pushOne(await kit.client('officer'), mutation), 'author_mismatch')
      expect(await storedRow('entries', mutation.entityId)).toBeUndefined()
    },
  },
  {
    actor: 'officer',
    attack: 'inserts an entry with forged author, createdAt, updatedAt, updatedBy, version and txid in its data',
    expected: 'applied with server values: author = the officer, version 1, timestamps of now',
    async run(kit) {
      const mutation = entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload())
      mutation.data = { ...mutation.data, ...SERVER_OWNED_FORGERY }
      const startedAt = Date.now()
      expect(await pushOne(await kit.client('officer'), mutation)).toMatchObject({ status: 'applied', version: 1 })
      const row = (await storedRow('entries', mutation.entityId))!
      expect(row).toMatchObject({ author_id: DEMO.officer.id, updated_by: DEMO.officer.id, version: 1 })
      expect(Date.parse(String(row.created_at))).toBeGreaterThan(startedAt - 60_000)
      expect(Date.parse(String(row.updated_at))).toBeGreaterThan(startedAt - 60_000)
      expect(Number(row.txid)).toBeGreaterThan(1)
    },
  },
  {
    actor: 'officer',
    attack: 'updates their own entry sending a forged version, author and createdAt',
    expected: 'applied; the version is the previous one + 1, author and createdAt unchanged',
    async run(kit) {
      const officer = await kit.client('officer')
      const mutation = entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload())
      await pushOne(officer, mutation)
      const before = (await storedRow('entries', mutation.entityId))!
      await pushOne(officer, updateMutation('officer', 'entry', mutation.entityId, { payload: countPayload(5), ...SERVER_OWNED_FORGERY }))
      expect(await storedRow('entries', mutation.entityId)).toMatchObject({
        version: 2,
        author_id: DEMO.officer.id,
        created_at: before.created_at,
        payload: countPayload(5),
      })
    },
  },
  replayProbe('secondOfficer', 'as a new entry of their own with different content', (id) => ({
    ...entryInsert('secondOfficer', 'pl-pattugliamento', 'count_update', countPayload(99)),
    id,
  })),
  replayProbe('worker', 'as an update of the officer’s entry', (id, entityId) => ({ ...updateMutation('worker', 'entry', entityId, { payload: countPayload(0) }), id })),
  tamperProbe('secondOfficer', 'changes the payload of a colleague’s entry', 'officerCount', { payload: countPayload(42) }, ['forbidden']),
  tamperProbe('secondOfficer', 'deletes a colleague’s entry', 'officerCount', 'delete', ['forbidden']),
  tamperProbe('worker', 'changes a police entry they cannot see', 'officerCount', { payload: countPayload(0) }, ['not_found', 'forbidden']),
  tamperProbe('worker', 'deletes a police entry they cannot see', 'officerReport', 'delete', ['not_found', 'forbidden']),
  tamperProbe('officer', 'locks their own entry (not a manager)', 'officerCount', { locked: true }, ['forbidden']),
  tamperProbe('officer', 'unlocks an entry a manager locked', 'lockedEntry', { locked: false }, ['locked', 'forbidden']),
  tamperProbe('officer', 'edits their own entry after a manager locked it', 'lockedEntry', { payload: countPayload(50) }, ['locked']),
  tamperProbe('officer', 'moves their own entry to a territorio-only objective', 'officerCount', { objectiveId: 'terr-piano-neve' }, ['forbidden']),
  tamperProbe('officer', 'changes the kind of their own entry', 'officerCount', { kind: 'patrol' }, ['invalid_mutation', 'invalid_payload']),
  tamperProbe('officer', 'changes a road-crew report’s status (visible: a contributing area)', 'workerSignageReport', { status: 'resolved' }, ['forbidden']),
  tamperProbe('policeManager', 'resolves a territorio report (a manager outside the area)', 'workerSignageReport', { status: 'resolved' }, ['forbidden']),
  tamperProbe('policeManager', 'locks a territorio report (a manager outside the area)', 'workerSignageReport', { locked: true }, ['forbidden']),
  tamperProbe('territoryManager', 'resolves a police report they cannot see', 'officerReport', { status: 'resolved' }, ['not_found', 'forbidden']),
  tamperProbe('policeManager', 'rewrites the description of an officer’s report in their own area', 'officerReport', { payload: reportPayload('riscritto dal comandante') }, ['forbidden']),
  tamperProbe('secondOfficer', 'resolves a colleague’s report (not a manager)', 'officerReport', { status: 'resolved' }, ['forbidden']),
  {
    actor: 'officer',
    attack: 'inserts an entry already locked, so no one could correct it',
    expected: 'stored unlocked',
    async run(kit) {
      const mutation = entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload())
      mutation.data = { ...mutation.data, locked: true }
      expect(await pushOne(await kit.client('officer'), mutation)).toMatchObject({ status: 'applied' })
      expect(await storedRow('entries', mutation.entityId)).toMatchObject({ locked: false })
    },
  },
  {
    actor: 'worker',
    attack: 'inserts with the id of a police entry they cannot see (id squatting)',
    expected: 'rejected, the police entry unchanged',
    async run(kit) {
      const { entityId } = kit.fixtures.officerCount
      const before = await storedRow('entries', entityId)
      const squat = entryInsert('worker', 'terr-piano-neve', 'count_update', countPayload())
      const mutation = { ...squat, entityId, data: { ...squat.data, id: entityId } }
      expectRejected(await pushOne(await kit.client('worker'), mutation), 'forbidden', 'not_found')
      expect(await storedRow('entries', entityId)).toEqual(before)
    },
  },
]
