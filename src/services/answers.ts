import type { Fact } from '../domain/index.ts'
import type { CreditListing } from '../storage/index.ts'
import type { FilmView } from './catalog.ts'

// Answers to the questions fans type, built from resolved facts so that each one carries its
// citations and its conflicts. The web layer words them in the reader's language.

export type Answer =
  | { question: 'true-story'; fact: Fact; inspiredBy: Fact[] }
  | {
      question: 'remake'
      relation: FilmView['film']['relation']
      of: { slug: string; title: string } | null
      otherVersions: number
      sourceId: number | null
    }
  | { question: 'watch'; region: string | null; here: Fact[]; elsewhere: Fact[] }
  | { question: 'english'; audio: Fact[]; subtitles: Fact[] }
  | { question: 'runtime'; fact: Fact }
  | { question: 'cast'; credits: CreditListing[] }
  | { question: 'ending'; facts: Fact[] }

/** The latest as-of group of a series property, one fact per remaining qualifier set. */
function latest(facts: readonly Fact[]): Fact[] {
  const newest = new Map<string, Fact>()
  for (const fact of facts) {
    const { as_of: asOf = '', ...rest } = fact.qualifiers
    const key = `${JSON.stringify(rest)}|${JSON.stringify(fact.value)}`
    const seen = newest.get(key)
    if (!seen || (seen.qualifiers.as_of ?? '') < asOf) newest.set(key, fact)
  }
  return [...newest.values()]
}

export function answerQuestions(view: FilmView, region: string | null): Answer[] {
  const facts = view.facts
  const storyFacts = view.story?.facts ?? []
  const of = (property: string, from: readonly Fact[] = facts) => from.filter((f) => f.property === property)
  const answers: Answer[] = []

  const trueStory = of('based_on_true_story')[0] ?? of('based_on_true_story', storyFacts)[0]
  if (trueStory) {
    const inspiredBy = of('inspired_by').length > 0 ? of('inspired_by') : of('inspired_by', storyFacts)
    answers.push({ question: 'true-story', fact: trueStory, inspiredBy })
  }

  answers.push({
    question: 'remake',
    relation: view.film.relation,
    of: view.film.relatedFilm,
    otherVersions: view.versions.length,
    sourceId: view.film.sourceId,
  })

  const available = latest(of('available_on'))
  const isHere = (f: Fact) =>
    f.qualifiers.region === 'XWW' || (region !== null && f.qualifiers.region === region)
  answers.push({
    question: 'watch',
    region,
    here: available.filter(isHere),
    elsewhere: available.filter((f) => !isHere(f)),
  })

  const audio = latest(of('audio_language'))
  const subtitles = latest(of('subtitle_language'))
  if (audio.length + subtitles.length > 0) answers.push({ question: 'english', audio, subtitles })

  const runtime =
    of('runtime_minutes').find((f) => f.qualifiers.cut === undefined) ?? of('runtime_minutes')[0]
  if (runtime) answers.push({ question: 'runtime', fact: runtime })

  const cast = view.credits.filter((c) => c.role === 'cast' && c.characterName !== null)
  if (cast.length > 0) answers.push({ question: 'cast', credits: cast })

  answers.push({ question: 'ending', facts: [...of('ending'), ...of('character_fate')] })
  return answers
}
