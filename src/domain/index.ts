// domain/: entities, ids, schemas, fact resolution, spoiler rules and errors. Imports only zod.
export * from './dataset.ts'
export * from './errors.ts'
export * from './facts.ts'
export * from './model.ts'
export * from './properties.ts'
export * from './slug.ts'
export * from './spoiler.ts'
