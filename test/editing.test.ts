import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError, ForbiddenError, type Fact, type StoryDataset } from '../src/domain/index.ts'
import { readDatasetDir } from '../src/importers/index.ts'
import {
  addClaim,
  createAccount,
  findFilmViewOrThrow,
  listConflicts,
  loadDatasets,
  pinClaim,
  presentFact,
  unpinClaim,
  type Editor,
} from '../src/services/index.ts'
import { countRows, listAuditEntries, listClaimsAbout, listRevisions } from '../src/storage/index.ts'
import { createApp } from '../src/web/index.ts'
import { Browser } from './support/browser.ts'
import { createTestStorage, DIALECTS, type TestStorage } from './support/databases.ts'
import { FIXTURE_DATASET } from './support/datasets.ts'

// Editors' work on facts, through the services and through the site's forms, on every database:
// a claim with its source, the conflicts queue, pins with their reasons, and none of it lost when
// the curated files are loaded again.

const NOW = new Date(Math.floor(Date.now() / 900_000) * 900_000 + 450_000)
const EDITOR: Editor = { id: 1, username: 'ed', role: 'editor' }
const READER: Editor = { id: 2, username: 'rita', role: 'reader' }
const FAST_SCRYPT = { log2N: 10, r: 8, p: 1 }

const RUNTIME_128 = {
  subject: 'film:miracle-2013',
  property: 'runtime_minutes',
  value: 128,
  source: { url: 'https://example.com/miracle-runtime', title: 'Miracle runtime, measured', kind: 'blog' },
  quote: 'It runs 128 minutes.',
  reason: 'The director’s cut runs a minute longer',
}

/** The fixture's datasets, the Turkish film's two fates of the father pinned by the curated file to the first. */
function curatedDatasets(): StoryDataset[] {
  const { datasets, issues } = readDatasetDir(FIXTURE_DATASET)
  expect(issues).toEqual([])
  const copy = structuredClone(datasets)
  const film = copy[0]!.films.find((f) => f.slug === 'kogustaki-2019')!
  film.claims.find((c) => c.property === 'character_fate' && c.value === 'executed')!.pin =
    'the film shows it'
  return copy
}

async function filmFact(storage: TestStorage, slug: string, property: string): Promise<Fact> {
  return (await findFilmViewOrThrow(storage, slug)).facts.find((f) => f.property === property)!
}

for (const dialect of DIALECTS) {
  describe(`editing facts on ${dialect}`, () => {
    let storage: TestStorage
    beforeEach(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, curatedDatasets())
    })
    afterEach(() => storage.destroy())

    it('adds a claim with a new source, as an accepted claim with a revision and an audit entry', async () => {
      const { claimId } = await addClaim(storage, EDITOR, RUNTIME_128, { now: NOW })
      const film = (await filmFact(storage, 'miracle-2013', 'year')).subject
      const claim = (await listClaimsAbout(storage.db, [film])).find((c) => c.id === claimId)!
      expect(claim).toMatchObject({
        property: 'runtime_minutes',
        value: 128,
        status: 'accepted',
        quote: 'It runs 128 minutes.',
        addedBy: 'ed',
        addedAt: NOW.toISOString(),
        pin: null,
        source: { slug: 'miracle-runtime-measured', kind: 'blog', url: RUNTIME_128.source.url },
      })
      const revisions = await listRevisions(storage.db, {
        entityKind: 'claim',
        entityKey: 'miracle-2013/runtime_minutes',
      })
      expect(revisions.filter((r) => r.author === 'ed')).toHaveLength(1)
      expect(revisions[0]).toMatchObject({ action: 'create', author: 'ed', reason: RUNTIME_128.reason })
      expect(
        await listRevisions(storage.db, { entityKind: 'source', entityKey: 'miracle-runtime-measured' }),
      ).toHaveLength(1)
      const [audit] = await listAuditEntries(storage.db, { target: { kind: 'claim', id: claimId } })
      expect(audit).toMatchObject({ actorId: 1, action: 'add-claim', before: null })

      // The same source, cited again by its URL, is not a second source.
      await addClaim(storage, EDITOR, { ...RUNTIME_128, value: 129 }, { now: NOW })
      const runtime = await filmFact(storage, 'miracle-2013', 'runtime_minutes')
      expect(new Set(runtime.conflicts.flatMap((c) => c.claims.map((claim) => claim.source.slug)))).toEqual(
        new Set(['miracle-runtime-measured']),
      )
    })

    it('shows a conflicting claim in the queue and on the film page, and a pin makes its value win with its reason', async () => {
      const { claimId } = await addClaim(storage, EDITOR, RUNTIME_128, { now: NOW })
      const before = await filmFact(storage, 'miracle-2013', 'runtime_minutes')
      expect(before).toMatchObject({ value: 127, status: 'disputed', decidedBy: 'reliability' })
      expect(before.conflicts.map((c) => c.value)).toEqual([128])

      const queue = await listConflicts(storage, EDITOR, { limit: 50, offset: 0 })
      const item = queue.items.find((i) => i.fact.property === 'runtime_minutes')!
      expect(item.subject).toMatchObject({ kind: 'film', slug: 'miracle-2013' })
      expect([item.fact.value, ...item.fact.conflicts.map((c) => c.value)]).toEqual([127, 128])
      // The story's true-story claims and the father's fates disagree in the fixture too.
      expect(queue.items.map((i) => `${i.subject.slug}/${i.fact.property}`).sort()).toEqual([
        'kogustaki-2019/character_fate',
        'miracle-2013/runtime_minutes',
        'miracle/based_on_true_story',
      ])
      expect(queue.total).toBe(3)
      expect((await listConflicts(storage, EDITOR, { limit: 1, offset: 2 })).items).toHaveLength(1)

      await pinClaim(storage, EDITOR, { claimId, reason: 'Measured on the Blu-ray' }, { now: NOW })
      const after = await filmFact(storage, 'miracle-2013', 'runtime_minutes')
      expect(after).toMatchObject({ value: 128, status: 'pinned', decidedBy: 'pin' })
      expect(presentFact(after, 'none').pinned).toEqual({ reason: 'Measured on the Blu-ray', by: 'ed' })
      const [audit] = await listAuditEntries(storage.db, { target: { kind: 'claim', id: claimId } })
      expect(audit).toMatchObject({ action: 'pin-claim', after: { reason: 'Measured on the Blu-ray' } })
      // A pinned fact stays in the queue: its sources still disagree.
      const pinned = (await listConflicts(storage, EDITOR)).items.find(
        (i) => i.fact.property === 'runtime_minutes',
      )!
      expect(pinned.fact.status).toBe('pinned')

      await unpinClaim(storage, EDITOR, { claimId, reason: 'Wrong disc' }, { now: NOW })
      expect(await filmFact(storage, 'miracle-2013', 'runtime_minutes')).toMatchObject({
        value: 127,
        status: 'disputed',
      })
      await expect(unpinClaim(storage, EDITOR, { claimId, reason: 'again' })).rejects.toThrow('is not pinned')
    })

    it('keeps one pin per fact: pinning a claim takes the pin off the one the curated file pinned', async () => {
      const fate = await filmFact(storage, 'kogustaki-2019', 'character_fate')
      expect(fate).toMatchObject({ value: 'executed', status: 'pinned' })
      const other = fate.conflicts[0]!.claims[0]!
      await pinClaim(
        storage,
        EDITOR,
        { claimId: other.id, reason: 'Yusuf is hanged in his place' },
        { now: NOW },
      )
      const after = await filmFact(storage, 'kogustaki-2019', 'character_fate')
      expect(after).toMatchObject({ value: 'another prisoner is hanged in his place', status: 'pinned' })
      expect(after.conflicts[0]!.claims[0]!.pin).toBeNull()
      const revisions = await listRevisions(storage.db, {
        entityKind: 'claim',
        entityKey: 'kogustaki-2019/character_fate',
      })
      expect(revisions.filter((r) => r.author === 'ed')).toHaveLength(2)
    })

    it('refuses readers: only editors, moderators and admins edit facts', async () => {
      await expect(addClaim(storage, READER, RUNTIME_128)).rejects.toBeInstanceOf(ForbiddenError)
      await expect(pinClaim(storage, READER, { claimId: 1, reason: 'x' })).rejects.toBeInstanceOf(
        ForbiddenError,
      )
      await expect(listConflicts(storage, READER)).rejects.toBeInstanceOf(ForbiddenError)
      await addClaim(storage, { ...EDITOR, role: 'admin' }, RUNTIME_128, { now: NOW })
    })

    it('refuses bad input with a clear message and writes nothing', async () => {
      const counts = await countRows(storage.db)
      const cases: Array<[object, string]> = [
        [{ value: 'two hours' }, 'must be a whole number'],
        [{ subject: 'film:no-such-film' }, 'No film "no-such-film"'],
        [{ subject: 'movie:miracle-2013' }, 'is not film:<slug>'],
        [{ property: 'birth_date', value: '1970' }, 'a film has no birth_date'],
        [{ property: 'colour' }, '"colour" is not a property'],
        [{ source: { slug: 'no-such-source' } }, 'there is no source "no-such-source"'],
        [{ source: { url: 'javascript:alert(1)', title: 'x' } }, 'source.url'],
        [{ qualifiers: { region: 'Turkey' } }, 'qualifiers.region'],
        [{ qualifiers: { mood: 'sad' } }, 'qualifiers'],
        [{ reason: '  ' }, 'reason: must not be empty'],
      ]
      for (const [change, message] of cases) {
        const attempt = addClaim(storage, EDITOR, { ...RUNTIME_128, ...change }, { now: NOW })
        await expect(attempt, message).rejects.toBeInstanceOf(AppError)
        await expect(attempt, message).rejects.toThrow(message)
      }
      await expect(pinClaim(storage, EDITOR, { claimId: 'x', reason: 'r' })).rejects.toThrow('claimId')
      await expect(pinClaim(storage, EDITOR, { claimId: 1, reason: '' })).rejects.toThrow('reason')
      await expect(pinClaim(storage, EDITOR, { claimId: 999_999, reason: 'r' })).rejects.toThrow('No claim')
      expect(await countRows(storage.db)).toEqual(counts)
      expect(await listAuditEntries(storage.db)).toEqual([])
    })

    it('keeps editors’ claims and pins, and the pins they removed, when the curated files are loaded again', async () => {
      const { claimId } = await addClaim(storage, EDITOR, RUNTIME_128, { now: NOW })
      await pinClaim(storage, EDITOR, { claimId, reason: 'Measured on the Blu-ray' }, { now: NOW })
      const fate = await filmFact(storage, 'kogustaki-2019', 'character_fate')
      const hanged = fate.conflicts[0]!.claims[0]!.id
      await pinClaim(
        storage,
        EDITOR,
        { claimId: hanged, reason: 'Yusuf is hanged in his place' },
        { now: NOW },
      )

      // At restart, an unchanged file is skipped; a changed one is synced claim by claim.
      const datasets = curatedDatasets()
      expect((await loadDatasets(storage, datasets))[0]!.unchanged).toBe(true)
      const changed = datasets.map((d) => ({ ...d, contentHash: `${d.contentHash}-edited` }))
      changed[0]!.story.summary += ' Retold.'
      const [loaded] = await loadDatasets(storage, changed)
      expect(loaded).toMatchObject({ unchanged: false, updated: 1, deleted: 0 })

      const runtime = await filmFact(storage, 'miracle-2013', 'runtime_minutes')
      expect(runtime).toMatchObject({ value: 128, status: 'pinned' })
      expect(runtime.claims[0]).toMatchObject({
        id: claimId,
        pin: { reason: 'Measured on the Blu-ray', by: 'ed' },
      })
      const after = await filmFact(storage, 'kogustaki-2019', 'character_fate')
      expect(after).toMatchObject({ value: 'another prisoner is hanged in his place', status: 'pinned' })
      expect(after.claims[0]!.id).toBe(hanged)
      expect(after.conflicts[0]!.claims[0]!.pin).toBeNull()
    })
  })

  describe(`editors' pages on ${dialect}`, () => {
    let storage: TestStorage
    let app: ReturnType<typeof createApp>
    let address = 0
    const editor = async () => {
      const browser = new Browser(app, `198.51.100.${++address}`)
      expect((await browser.signIn('ed')).status).toBe(303)
      return browser
    }
    const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!
    const FORM = {
      subject: 'film:miracle-2013',
      property: 'runtime_minutes',
      value: '128',
      'q.region': '',
      source: '',
      sourceUrl: 'https://example.com/miracle-runtime',
      sourceTitle: 'Miracle runtime, measured',
      sourceKind: 'blog',
      quote: 'It runs 128 minutes.',
      reason: 'The director’s cut runs a minute longer',
    }

    beforeEach(async () => {
      storage = await createTestStorage(dialect)
      await loadDatasets(storage, curatedDatasets())
      await createAccount(
        storage,
        { username: 'ed', password: 'correct horse battery staple', role: 'editor' },
        FAST_SCRYPT,
      )
      app = createApp({
        storage,
        publicUrl: 'http://localhost',
        logger: { error: (details) => console.error(details) },
        pageCacheSeconds: 60,
        clock: () => NOW,
      })
    })
    afterEach(() => storage.destroy())

    it('adds a fact through the form, then pins it from the queue; the film page shows the value and why', async () => {
      expect((await app.request('/edit/conflicts')).status).toBe(401)
      expect((await app.request('/edit/facts/new?subject=film:miracle-2013')).status).toBe(401)
      const ed = await editor()
      const form = await ed.request('/edit/facts/new?subject=film:miracle-2013')
      expect(form.status).toBe(200)
      expect(form.headers.get('cache-control')).toBe('private, no-store')
      const formHtml = await form.text()
      expect(formHtml).toContain('action="/edit/facts"')
      // The film page is cached before the edit; the edit must not leave it stale.
      expect(await (await app.request('/films/miracle-2013')).text()).not.toContain('128')

      const added = await ed.post('/edit/facts', { _csrf: csrfOf(formHtml), ...FORM })
      expect(added.status).toBe(303)
      expect(added.headers.get('location')).toBe('/edit/facts/new?subject=film:miracle-2013&saved')
      expect(await (await app.request('/films/miracle-2013')).text()).toMatch(/Sources disagree:.*128/s)

      const queue = await ed.request('/edit/conflicts')
      expect(queue.headers.get('cache-control')).toBe('private, no-store')
      const queueHtml = await queue.text()
      expect(queueHtml).toContain('Miracle runtime, measured')
      const claim = /id="claim-(\d+)"><a href="\/sources\/miracle-runtime-measured"/.exec(queueHtml)![1]!
      const pinned = await ed.post('/edit/conflicts/pin', {
        _csrf: csrfOf(queueHtml),
        claim,
        reason: 'Measured on the Blu-ray',
        back: '/edit/conflicts',
      })
      expect(pinned.status).toBe(303)
      expect(pinned.headers.get('location')).toBe('/edit/conflicts')
      const film = await (await app.request('/films/miracle-2013')).text()
      expect(film).toContain('an editor chose the value shown: Measured on the Blu-ray')
      expect(await (await ed.request('/edit/conflicts')).text()).toContain(
        'Pinned by ed: Measured on the Blu-ray',
      )
    })

    it('answers bad input with 400 and the form again, and writes nothing', async () => {
      const ed = await editor()
      const csrf = csrfOf(await (await ed.request('/edit/facts/new?subject=film:miracle-2013')).text())
      const counts = await countRows(storage.db)
      const bad = await ed.post('/edit/facts', { _csrf: csrf, ...FORM, value: 'two hours' })
      expect(bad.status).toBe(400)
      const html = await bad.text()
      expect(html).toContain('value: must be a whole number')
      expect(html).toContain('value="two hours"')
      const noSource = await ed.post('/edit/facts', { _csrf: csrf, ...FORM, sourceUrl: '', sourceTitle: '' })
      expect(noSource.status).toBe(400)
      expect(await noSource.text()).toContain('source')
      const noReason = await ed.post('/edit/conflicts/pin', { _csrf: csrf, claim: '1', reason: '' })
      expect(noReason.status).toBe(400)
      expect(await noReason.text()).toContain('reason: must not be empty')
      expect((await ed.post('/edit/facts', { _csrf: csrf, ...FORM, subject: 'film:nope' })).status).toBe(404)
      expect(await countRows(storage.db)).toEqual(counts)
      expect(await listAuditEntries(storage.db)).toEqual([])
    })
  })
}
