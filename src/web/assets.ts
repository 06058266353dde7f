import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { transformSync } from 'esbuild'

// The only script the site sends: search suggestions, written in TypeScript (assets/suggest.ts) and
// compiled once when the app starts. Its URL carries a hash of the code, so it can be cached forever.

export interface Asset {
  path: string
  code: string
}

function compile(name: string): Asset {
  const source = readFileSync(new URL(`./assets/${name}.ts`, import.meta.url), 'utf8')
  const { code } = transformSync(source, { loader: 'ts', target: 'es2022', minify: true, format: 'esm' })
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12)
  return { path: `/assets/${name}.${hash}.js`, code }
}

export const SUGGEST_SCRIPT = compile('suggest')
