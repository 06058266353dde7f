// cli/: the `retold` command, wiring configuration, importers, services and the web app.
import { parseArgs } from 'node:util'
import { AppError, formatIssue, isAppError, parseSpoilerLevel } from '../domain/index.ts'
import { readDatasetDir } from '../importers/index.ts'
import { collectStats, ensureSearchIndex, loadDatasets, searchCatalog } from '../services/index.ts'
import { connect, countRows, migrateToLatest, type Storage } from '../storage/index.ts'
import { readConfig, type Config } from './config.ts'
import { generateImdbCommand, importImdbCommand } from './import-imdb.ts'
import { importWikidataCommand } from './import-wikidata.ts'
import { ingestCommand } from './ingest.ts'
import { serve } from './serve.ts'
import { findAnything, formatShown } from './show.ts'
import { createUserCommand, readPassword } from './user.ts'

const USAGE = `Usage: retold <command>

  serve                    migrate, load the curated data, and serve the site (PORT, default 3000)
  db migrate               bring the database schema up to date
  load [dir] [--dry-run]   check and load a curated dataset folder (default: data)
  stats [--json]           count what is stored, and the facts whose sources disagree
  search "<query>" [--json] [--limit N]
                           search stories, films, people and characters
  show <slug> [--json] [--spoilers]
                           print a story, film, person or source with its facts, sources and conflicts
  import imdb <dir> [--adult] [--types movie,tvSeries,…] [--date YYYY-MM-DD] [--force] [--batch N]
                           import IMDb's dataset files (.tsv or .tsv.gz); resumes where a stopped import left off
  import wikidata <file> [--force] [--batch N]
                           import the films and series of a Wikidata dump (.json or .json.gz) or entity JSON
  generate imdb --titles N [--seed S] [--gzip] <dir>
                           write synthetic files in IMDb's exact format
  ingest <file> [--url URL] [--json]
                           store a web article (HTML or text) as a source and propose the claims it makes
  user create <name> --role editor|moderator|admin
                           add an account; the password is RETOLD_PASSWORD if set, else asked for
                           on a terminal, else the first line of stdin

Environment: PORT, HOST, DATABASE_URL (PostgreSQL), RETOLD_DATABASE_FILE (SQLite, default var/retold.db),
RETOLD_DATA_DIR, RETOLD_PUBLIC_URL, RETOLD_TRUSTED_PROXIES, LOG_LEVEL. See README.md.`

async function withStorage<T>(
  config: Config,
  run: (storage: Storage) => Promise<T>,
  session = false,
): Promise<T> {
  const storage = await connect(config, { session })
  try {
    await migrateToLatest(storage)
    return await run(storage)
  } finally {
    await storage.close()
  }
}

/** Checks a dataset folder and loads what is valid; returns the number of problems found. */
export async function loadCommand(
  storage: Storage | null,
  dir: string,
  out: (line: string) => void,
): Promise<number> {
  const started = performance.now()
  const { datasets, issues } = readDatasetDir(dir)
  for (const issue of issues) out(formatIssue(issue))
  if (!storage) {
    out(
      `checked ${datasets.length + new Set(issues.map((i) => i.file)).size} files: ${issues.length} problems`,
    )
    return issues.length
  }
  const results = await loadDatasets(storage, datasets)
  for (const r of results) {
    out(
      r.unchanged
        ? `${r.file}: unchanged`
        : `${r.file}: ${r.created} added, ${r.updated} changed, ${r.deleted} removed`,
    )
  }
  const counts = await countRows(storage.db)
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  out(
    `loaded ${results.length} files in ${seconds} s (${issues.length} problems); the database holds ` +
      `${counts.stories} stories, ${counts.films} films, ${counts.people} people, ${counts.sources} sources, ${counts.claims} claims`,
  )
  return issues.length
}

function wholeNumber(option: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) {
    throw new AppError('Invalid', `${option} ${value}: expected a whole number ≥ 1`)
  }
  return number
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      spoilers: { type: 'boolean', default: false },
      limit: { type: 'string', default: '10' },
      adult: { type: 'boolean', default: false },
      types: { type: 'string' },
      date: { type: 'string' },
      force: { type: 'boolean', default: false },
      batch: { type: 'string' },
      titles: { type: 'string' },
      seed: { type: 'string', default: '1' },
      gzip: { type: 'boolean', default: false },
      role: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const [command, ...rest] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return command || values.help ? 0 : 2
  }
  const config = readConfig(process.env)
  const out = (line: string) => console.log(line)
  switch (command) {
    case 'serve':
      await serve(config)
      return 0
    case 'db':
      if (rest[0] !== 'migrate') break
      return withStorage(config, async (storage) => {
        const ran = await migrateToLatest(storage)
        out(ran.length > 0 ? `ran ${ran.join(', ')}` : `${storage.location} is up to date`)
        return 0
      })
    case 'load': {
      const dir = rest[0] ?? config.dataDir
      if (values['dry-run']) return (await loadCommand(null, dir, out)) > 0 ? 1 : 0
      return withStorage(config, async (storage) => ((await loadCommand(storage, dir, out)) > 0 ? 1 : 0))
    }
    case 'stats':
      return withStorage(config, async (storage) => {
        const stats = await collectStats(storage)
        out(
          values.json
            ? JSON.stringify(stats, null, 2)
            : Object.entries(stats)
                .map(([name, count]) => `${name.padEnd(10)} ${count}`)
                .join('\n'),
        )
        return 0
      })
    case 'search': {
      const query = rest.join(' ').trim()
      if (!query) break
      return withStorage(config, async (storage) => {
        await ensureSearchIndex(storage)
        const response = await searchCatalog(storage, query, Number(values.limit))
        if (values.json) out(JSON.stringify(response, null, 2))
        else {
          if (response.interpreted) out(`showing results for ${response.interpreted}`)
          for (const r of response.results) {
            out(
              `${r.score.toFixed(2).padStart(7)}  ${r.kind.padEnd(9)} ${r.title}${r.year ? ` (${r.year})` : ''}  [${r.slug}]  ${r.matched.join('; ')}`,
            )
          }
        }
        return 0
      })
    }
    case 'import': {
      const dir = rest[1]
      if (rest[0] === 'wikidata' && dir) {
        return withStorage(config, async (storage) => {
          await importWikidataCommand(
            storage,
            dir,
            {
              force: values.force,
              batchEntities: values.batch === undefined ? undefined : wholeNumber('--batch', values.batch),
            },
            out,
          )
          return 0
        })
      }
      if (rest[0] !== 'imdb' || !dir) break
      return withStorage(
        config,
        async (storage) => {
          await importImdbCommand(
            storage,
            dir,
            {
              adult: values.adult,
              types: values.types?.split(',').map((t) => t.trim()),
              date: values.date,
              force: values.force,
              batchLines: values.batch === undefined ? undefined : wholeNumber('--batch', values.batch),
            },
            out,
          )
          return 0
        },
        true,
      )
    }
    case 'generate': {
      const dir = rest[1]
      if (rest[0] !== 'imdb' || !dir || values.titles === undefined) break
      await generateImdbCommand(
        dir,
        {
          titles: wholeNumber('--titles', values.titles),
          seed: wholeNumber('--seed', values.seed),
          gzip: values.gzip,
        },
        out,
      )
      return 0
    }
    case 'user': {
      const username = rest[1]
      if (rest[0] !== 'create' || !username) break
      const password = await readPassword(process.env, process.stdin, (text) => process.stderr.write(text))
      return withStorage(config, async (storage) => {
        await createUserCommand(storage, username, values.role, password, out)
        return 0
      })
    }
    case 'ingest': {
      const file = rest[0]
      if (!file) break
      return withStorage(config, (storage) =>
        ingestCommand(storage, file, { url: values.url, json: values.json }, out),
      )
    }
    case 'show': {
      const slug = rest[0]
      if (!slug) break
      return withStorage(config, async (storage) => {
        const found = await findAnything(
          storage,
          slug,
          values.spoilers ? 'ending' : parseSpoilerLevel(undefined),
        )
        if (!found) {
          console.error(`retold show: no story, film, person or source "${slug}"`)
          return 1
        }
        out(values.json ? JSON.stringify(found, null, 2) : formatShown(found))
        return 0
      })
    }
  }
  console.error(USAGE)
  return 2
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(
      isAppError(error) || (error instanceof Error && error.message.startsWith('Invalid configuration'))
        ? `retold: ${(error as Error).message}`
        : error,
    )
    process.exitCode = 1
  },
)
