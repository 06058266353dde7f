// search/: normalization, query understanding and ranking for every search backend. May import only domain/.
export { Dictionary } from './dictionary.ts'
export { fold, tokenize } from './fold.ts'
export type { Section } from './intents.ts'
export { pickCandidates, planLookup, pruneUnits } from './lookup.ts'
export { parseQuery, type ParsedQuery } from './parse-query.ts'
export { rankDocuments } from './rank-documents.ts'
export type { SearchDocument, SearchKind, SearchResult } from './search-document.ts'
export { keyWords, searchKeys } from './search-keys.ts'
