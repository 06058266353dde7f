import { fold, tokenize } from './fold.ts'

export type Section = 'ending' | 'true-story' | 'watch' | 'cast'

export type IntentMeaning =
  | { kind: 'section'; section: Section }
  | { kind: 'person' }
  | { kind: 'original' }
  | { kind: 'remake' }
  /** "version": the reader wants a film, which a country or year then picks. */
  | { kind: 'version' }
  /** "film", "movie": says nothing about which one. */
  | { kind: 'generic' }

export interface IntentWord {
  words: string[]
  meanings: IntentMeaning[]
}

const SECTION_PHRASES: Record<Section, string> = {
  ending:
    'ending explained, end explained, ending explanation, explained, ending, how does it end, how it ends, final explicado, fin expliquée, finale spiegato, ende erklärt, sonu, filmin sonu, akhir cerita',
  'true-story':
    'true story, real story, based on, real life, true events, gerçek hikaye, gerçek hikayesi, gerçek olay, kisah nyata, historia real, historia verdadera, basada en, storia vera, wahre geschichte',
  watch:
    'where to watch, where can i watch, watch online, watch, watching, stream, streaming, netflix, prime video, amazon prime, disney plus, hbo max, hulu, izle, nonton, dónde ver, online',
  cast: 'cast, cast list, full cast, oyuncular, oyuncuları, pemain, reparto',
}

const PHRASES: Array<[string, IntentMeaning[]]> = [
  ...Object.entries(SECTION_PHRASES).map(([section, words]): [string, IntentMeaning[]] => [
    words,
    [{ kind: 'section', section: section as Section }],
  ]),
  ['cast of, who plays, who played', [{ kind: 'person' }, { kind: 'section', section: 'cast' }]],
  [
    'actor, actors, actress, actresses, director, directors, directed by, starring, oyuncu, oyuncusu, yönetmen, yönetmeni, pemeran, sutradara, actriz, actores, aktor, aktris, regista, réalisateur, acteur, actrice, schauspieler',
    [{ kind: 'person' }],
  ],
  ['original, originale, originel, orijinal, orjinal, asli', [{ kind: 'original' }]],
  ['remake, remakes, remade, adaptation, adaptación, uyarlama, uyarlaması', [{ kind: 'remake' }]],
  [
    'version, versions, versiyon, versiyonu, versi, versión, versione, versão, fassung',
    [{ kind: 'version' }],
  ],
  [
    'film, films, movie, movies, filmi, filmleri, película, películas, filme, filmes, full movie',
    [{ kind: 'generic' }],
  ],
]

/** Intent words and phrases (folded): sections of a page, people, original or remake, and generic words. */
export const INTENT_WORDS: readonly IntentWord[] = PHRASES.flatMap(([phrases, meanings]) =>
  phrases
    .split(',')
    .map((phrase) => tokenize(fold(phrase)))
    .filter((words) => words.length > 0)
    .map((words) => ({ words, meanings })),
)
