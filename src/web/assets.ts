import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { transformSync } from 'esbuild'

// The only script the site sends (search suggestions, written in TypeScript in assets/suggest.ts and
// compiled once when the app starts) and its one stylesheet. Their URLs carry a hash of their text,
// so they can be cached forever; pages then hold no inline script or style, which keeps the CSP
// strict and lets cached pages go out byte for byte.

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

/** A stylesheet served as an asset under a hash of its text. */
export function stylesheet(name: string, code: string): Asset {
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12)
  return { path: `/assets/${name}.${hash}.css`, code }
}
