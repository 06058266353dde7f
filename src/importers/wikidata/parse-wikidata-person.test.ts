import { describe, expect, it } from 'vitest'
import { parseWikidataPerson } from './parse-wikidata-person.ts'
import { ACTOR, CITY_STREETS, entity, item, PERSON, PLACE, statement, text } from './test-entities.ts'

describe('parseWikidataPerson', () => {
  it('reads a human: English label first, then mul and the other labels by code, then aliases', () => {
    expect(parseWikidataPerson(ACTOR)).toEqual({
      qid: 'Q900012',
      revision: 2000900012,
      modified: '2024-05-17T08:00:00Z',
      imdbId: 'nm9900012',
      names: [
        { text: 'Aras Bulut İynemli', language: 'en', from: 'label' },
        { text: 'Aras Bulut Iynemli', language: 'mul', from: 'label' },
        { text: 'Арас Булут Ийнемли', language: 'ru', from: 'label' },
        { text: 'Aras Bulut İynemli', language: 'tr', from: 'label' },
        { text: 'Aras Bulut', language: 'en', from: 'alias' },
        { text: 'Aras İynemli', language: 'tr', from: 'alias' },
      ],
    })
  })

  it('gives the same first name whatever the order of the labels in the file', () => {
    const shuffled = structuredClone(ACTOR)
    shuffled.labels = Object.fromEntries(Object.entries(ACTOR.labels!).reverse())
    expect(parseWikidataPerson(shuffled)?.names).toEqual(parseWikidataPerson(ACTOR)?.names)
  })

  it('keeps only an nm… IMDb id, the preferred one first', () => {
    const person = entity('Q900031', { de: 'Jemand' }, [
      statement(item('P31', 'Q5')),
      statement(text('P345', 'tt0021750')),
      statement(text('P345', 'nm0000031')),
      statement(text('P345', 'nm0000032'), { rank: 'preferred' }),
    ])
    expect(parseWikidataPerson(person)).toMatchObject({
      imdbId: 'nm0000032',
      names: [{ text: 'Jemand', language: 'de', from: 'label' }],
    })
    expect(parseWikidataPerson(PERSON)?.imdbId).toBeNull()
  })

  it('reads nothing from a film, a place, or an item deprecated as human', () => {
    expect(parseWikidataPerson(CITY_STREETS)).toBeUndefined()
    expect(parseWikidataPerson(PLACE)).toBeUndefined()
    const notHuman = entity('Q900032', { en: 'Fictional' }, [
      statement(item('P31', 'Q5'), { rank: 'deprecated' }),
    ])
    expect(parseWikidataPerson(notHuman)).toBeUndefined()
  })
})
