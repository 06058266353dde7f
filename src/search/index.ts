// search/: normalization, query understanding and ranking for every search backend. May import only domain/.
export { candidateWords } from './candidate-words.ts'
export { fold, tokenize } from './fold.ts'
export type { Section } from './intents.ts'
export { parseQuery, type ParsedQuery } from './parse-query.ts'
export { rankDocuments } from './rank-documents.ts'
export type { SearchDocument, SearchKind, SearchResult } from './search-document.ts'
export { searchKeys } from './search-keys.ts'
export { trigrams } from './trigrams.ts'
