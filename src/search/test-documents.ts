import { searchKeys } from './search-keys.ts'
import type { SearchDocument, SearchKind } from './search-document.ts'

interface Shape {
  kind?: SearchKind
  slug: string
  names: string[]
  year?: number
  countries?: string[]
  languages?: string[]
  story?: string
  relation?: string
  popularity?: number
}

const STORIES: Record<string, string> = {
  'miracle-in-cell-no-7': 'Miracle in Cell No. 7',
  'perfect-strangers': 'Perfect Strangers',
  oldboy: 'Oldboy',
  drishyam: 'Drishyam',
  'infernal-affairs': 'Infernal Affairs',
}

function document(shape: Shape): SearchDocument {
  return {
    kind: shape.kind ?? 'film',
    slug: shape.slug,
    title: shape.names[0]!,
    keys: [...new Set(shape.names.flatMap(searchKeys))],
    year: shape.year ?? null,
    countries: shape.countries ?? [],
    languages: shape.languages ?? [],
    story: shape.story ? { slug: shape.story, title: STORIES[shape.story]! } : null,
    relation: shape.relation ?? null,
    popularity: shape.popularity ?? 0,
  }
}

/** A small catalogue shaped like the curated data: stories, their versions, a person and distractors. */
export const TEST_DOCUMENTS: SearchDocument[] = [
  document({ kind: 'story', slug: 'miracle-in-cell-no-7', names: ['Miracle in Cell No. 7'], popularity: 9 }),
  document({
    slug: 'miracle-in-cell-no-7-2013',
    names: ['7번방의 선물', '7-beonbang-ui seonmul', 'Miracle in Cell No. 7', 'A Gift from Room 7'],
    year: 2013,
    countries: ['KR'],
    languages: ['ko'],
    story: 'miracle-in-cell-no-7',
    relation: 'original',
    popularity: 19_000,
  }),
  document({
    slug: '7-kogustaki-mucize-2019',
    names: [
      '7. Koğuştaki Mucize',
      'Miracle in Cell No. 7',
      'Yedinci Kogustaki Mucize',
      'Milagro en la celda 7',
    ],
    year: 2019,
    countries: ['TR'],
    languages: ['tr'],
    story: 'miracle-in-cell-no-7',
    relation: 'remake',
    popularity: 160_000,
  }),
  document({
    slug: 'miracle-in-cell-no-7-2019',
    names: ['Miracle in Cell No. 7'],
    year: 2019,
    countries: ['PH'],
    languages: ['fil'],
    story: 'miracle-in-cell-no-7',
    relation: 'remake',
    popularity: 2_000,
  }),
  document({
    slug: 'miracle-in-cell-no-7-2022',
    names: ['Miracle in Cell No. 7'],
    year: 2022,
    countries: ['ID'],
    languages: ['id'],
    story: 'miracle-in-cell-no-7',
    relation: 'remake',
    popularity: 3_000,
  }),
  document({
    slug: 'miracle-in-cell-no-7-indonesia-sequel',
    names: ['Miracle in Cell No. 7'],
    countries: ['ID'],
    languages: ['id'],
    story: 'miracle-in-cell-no-7',
    relation: 'sequel',
  }),
  document({ kind: 'story', slug: 'perfect-strangers', names: ['Perfect Strangers'], popularity: 18 }),
  document({
    slug: 'perfetti-sconosciuti-2016',
    names: ['Perfetti sconosciuti', 'Perfect Strangers'],
    year: 2016,
    countries: ['IT'],
    languages: ['it'],
    story: 'perfect-strangers',
    relation: 'original',
    popularity: 70_000,
  }),
  document({
    slug: 'perfectos-desconocidos-2017',
    names: ['Perfectos desconocidos'],
    year: 2017,
    countries: ['ES'],
    languages: ['es'],
    story: 'perfect-strangers',
    relation: 'remake',
    popularity: 25_000,
  }),
  document({
    slug: 'perfectos-desconocidos-2018',
    names: ['Perfectos desconocidos', 'Perfect Strangers'],
    year: 2018,
    countries: ['MX'],
    languages: ['es'],
    story: 'perfect-strangers',
    relation: 'remake',
    popularity: 4_000,
  }),
  document({ kind: 'story', slug: 'oldboy', names: ['Oldboy'], popularity: 3 }),
  document({
    slug: 'oldboy-2003',
    names: ['올드보이', 'Oldeuboi', 'Oldboy'],
    year: 2003,
    countries: ['KR'],
    languages: ['ko'],
    story: 'oldboy',
    relation: 'original',
    popularity: 650_000,
  }),
  document({
    slug: 'oldboy-2013',
    names: ['Oldboy', 'Old Boy'],
    year: 2013,
    countries: ['US'],
    languages: ['en'],
    story: 'oldboy',
    relation: 'remake',
    popularity: 90_000,
  }),
  document({ kind: 'story', slug: 'drishyam', names: ['Drishyam'], popularity: 8 }),
  document({
    slug: 'drishyam-2013',
    names: ['ദൃശ്യം', 'Drishyam', 'Visual'],
    year: 2013,
    countries: ['IN'],
    languages: ['ml'],
    story: 'drishyam',
    relation: 'original',
    popularity: 45_000,
  }),
  document({
    slug: 'papanasam-2015',
    names: ['Papanasam'],
    year: 2015,
    countries: ['IN'],
    languages: ['ta'],
    story: 'drishyam',
    relation: 'remake',
    popularity: 12_000,
  }),
  document({
    slug: 'drishyam-2015',
    names: ['दृश्यम', 'Drishyam', 'Visual'],
    year: 2015,
    countries: ['IN'],
    languages: ['hi'],
    story: 'drishyam',
    relation: 'remake',
    popularity: 95_000,
  }),
  document({ kind: 'story', slug: 'infernal-affairs', names: ['Infernal Affairs'], popularity: 4 }),
  document({
    slug: 'infernal-affairs-2002',
    names: ['無間道', '无间道', 'Infernal Affairs'],
    year: 2002,
    countries: ['HK'],
    languages: ['yue'],
    story: 'infernal-affairs',
    relation: 'original',
    popularity: 140_000,
  }),
  document({
    slug: 'the-departed-2006',
    names: ['The Departed'],
    year: 2006,
    countries: ['US'],
    languages: ['en'],
    story: 'infernal-affairs',
    relation: 'remake',
    popularity: 1_400_000,
  }),
  document({ kind: 'person', slug: 'aras-bulut-iynemli', names: ['Aras Bulut İynemli'], popularity: 3 }),
  document({ kind: 'person', slug: 'ryu-seung-ryong', names: ['Ryu Seung-ryong', '류승룡'], popularity: 4 }),
  document({
    kind: 'character',
    slug: 'memo',
    names: ['Memo'],
    story: 'miracle-in-cell-no-7',
    popularity: 1,
  }),
  document({
    slug: 'miracle-on-34th-street-1947',
    names: ['Miracle on 34th Street'],
    year: 1947,
    countries: ['US'],
    languages: ['en'],
    relation: 'original',
    popularity: 50_000,
  }),
  document({
    slug: 'cell-2016',
    names: ['Cell'],
    year: 2016,
    countries: ['US'],
    languages: ['en'],
    relation: 'original',
    popularity: 45_000,
  }),
]
