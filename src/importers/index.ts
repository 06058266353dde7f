// importers/: read outside data (curated files, later IMDb and Wikidata) into records and issues. Never touch the database.
export { readDatasetDir, type DatasetDirResult } from './curated/read-dataset-dir.ts'
export { readStoryFile, type StoryFileResult } from './curated/read-story-file.ts'
export * from './imdb/index.ts'
export * from './wikidata/index.ts'
export * from './article/index.ts'
