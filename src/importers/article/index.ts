// importers/article/: web articles → main text, metadata, sentences and candidate claims. Pure: no database; imports domain and search.
export * from './extract-claims.ts'
export * from './link-mentions.ts'
export * from './read-article.ts'
export * from './split-sentences.ts'
