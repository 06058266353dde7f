#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx compiles them on load, so there is no build step to forget.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(
    `retold: Node ${process.versions.node} is too old. Run it through npm (npm start, npx retold), ` +
      'which uses the Node 24 installed in node_modules by `npm install`.',
  )
  process.exit(1)
}
const { register } = await import('tsx/esm/api')
register()
await import('../src/cli/main.ts')
