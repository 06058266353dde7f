// One linter (ESLint with typescript-eslint) and one formatter (Prettier, run by `npm run lint` too).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The architecture of DESIGN.md: each layer may import only the layers below it.
const LAYERS = {
  domain: [],
  search: ['domain'],
  importers: ['domain', 'search'],
  storage: ['domain', 'search'],
  services: ['domain', 'search', 'storage'],
  web: ['domain', 'search', 'services'],
  cli: ['domain', 'search', 'importers', 'storage', 'services', 'web'],
}
const ALL = Object.keys(LAYERS)

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: ['better-sqlite3', 'pg'].map((name) => ({
          name,
          message: 'Only src/storage/connect.ts knows which database driver is in use.',
        })),
        patterns: ALL.filter((other) => other !== layer && !allowed.includes(other)).map((other) => ({
          group: [`**/${other}/*`, `**/${other}`],
          message: `src/${layer} may import only: ${allowed.join(', ') || 'zod and itself'}.`,
        })),
      },
    ],
  },
}))

export default tseslint.config(
  { ignores: ['node_modules', 'var', 'dist', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layerRules,
  {
    files: ['src/storage/connect.ts', 'src/storage/dialects.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
