import { describe, expect, it } from 'vitest'
import { deleteQueued, queuedBetween } from '~/db/outbox-repo'
import { logEntriesOffline, useDeviceAndServer } from './factories'

describe('outbox bookkeeping of the sync', () => {
  const f = useDeviceAndServer()

  it('removes exactly the answered mutations, however their seqs are spread', async () => {
    await logEntriesOffline(f.db, 10)
    const seqs = (await f.db.outbox.toCollection().primaryKeys()) as number[]
    const answered = [seqs[1]!, seqs[2]!, seqs[3]!, seqs[6]!, seqs[8]!]
    await deleteQueued(f.db, [...answered].reverse())
    expect(await f.db.outbox.toCollection().primaryKeys()).toEqual(seqs.filter((seq) => !answered.includes(seq)))
  })

  it('reads back the rows of a sent batch that are still queued, in seq order', async () => {
    await logEntriesOffline(f.db, 5)
    const rows = await f.db.outbox.toArray()
    await f.db.outbox.delete(rows[2]!.seq!)
    expect((await queuedBetween(f.db, rows[1]!.seq!, rows[3]!.seq!)).map((row) => row.id)).toEqual([rows[1]!.id, rows[3]!.id])
  })
})
