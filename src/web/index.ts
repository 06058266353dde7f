// web/: the Hono app — pages, JSON API, health check. May import domain/, search/ and services/.
export { createApp, type AppDeps, type Logger } from './app.tsx'
