import type { FilmRelation, PropertyName } from '../domain/index.ts'

// Every label a page shows for a property or relation. Issue 3 moves these into a message catalogue.

export const PROPERTY_LABELS: Record<PropertyName, string> = {
  synopsis: 'Synopsis',
  year: 'Year',
  release_date: 'Release date',
  country: 'Country',
  language: 'Language',
  runtime_minutes: 'Runtime (minutes)',
  genre: 'Genre',
  based_on_true_story: 'Based on a true story',
  inspired_by: 'Inspired by',
  remade_in: 'Remade in',
  production_company: 'Production company',
  distributor: 'Distributor',
  rating: 'Rating',
  box_office: 'Box office',
  budget: 'Budget',
  admissions: 'Admissions',
  available_on: 'Available on',
  audio_language: 'Audio language',
  subtitle_language: 'Subtitles',
  chart_position: 'Chart position',
  trending_on: 'Trending on',
  award: 'Award',
  character_name: 'Character name',
  relation: 'Relation',
  character_fate: 'Fate',
  plot: 'Plot',
  ending: 'Ending',
  birth_date: 'Born',
  birth_place: 'Birthplace',
}

export const RELATION_LABELS: Record<FilmRelation, string> = {
  original: 'original',
  remake: 'remake',
  'unofficial-remake': 'unofficial remake',
  adaptation: 'adaptation',
  sequel: 'sequel',
  'same-source': 'version from the same source',
}
