import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { ImportIssue, StoryDataset } from '../../domain/index.ts'
import { readStoryFile } from './read-story-file.ts'

export interface DatasetDirResult {
  datasets: StoryDataset[]
  issues: ImportIssue[]
}

/**
 * Reads every `stories/*.yaml` of a curated dataset folder. A file with a problem is left out whole;
 * the others are returned.
 */
export function readDatasetDir(dir: string, displayBase = process.cwd()): DatasetDirResult {
  const storiesDir = join(dir, 'stories')
  if (!existsSync(storiesDir)) {
    return {
      datasets: [],
      issues: [{ file: relative(displayBase, dir) || '.', line: 1, message: 'no stories/ folder here' }],
    }
  }
  const readSourceText = (path: string) => {
    const full = join(dir, path)
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined
  }
  const datasets: StoryDataset[] = []
  const issues: ImportIssue[] = []
  const sourceUrls = new Map<string, { url: string | null; file: string }>()
  const storySlugs = new Map<string, string>()

  for (const name of readdirSync(storiesDir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()) {
    const file = relative(displayBase, join(storiesDir, name))
    const result = readStoryFile(file, readFileSync(join(storiesDir, name), 'utf8'), readSourceText)
    const fileIssues = [...result.issues]
    if (result.dataset) {
      const { story, sources } = result.dataset
      const other = storySlugs.get(story.slug)
      if (other) fileIssues.push({ file, line: 1, message: `story "${story.slug}" is already in ${other}` })
      for (const source of sources) {
        const seen = sourceUrls.get(source.slug)
        if (seen && seen.url !== source.url) {
          fileIssues.push({
            file,
            line: result.sourceLines.get(source.slug) ?? 1,
            message: `source "${source.slug}" has another url in ${seen.file}`,
          })
        }
      }
      if (fileIssues.length === 0) {
        storySlugs.set(story.slug, file)
        for (const source of sources) sourceUrls.set(source.slug, { url: source.url, file })
        datasets.push(result.dataset)
      }
    }
    issues.push(...fileIssues)
  }
  return { datasets, issues }
}
