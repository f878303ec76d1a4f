// `npm start`: brings dist/ up to date (scripts/ensure-build.mjs), then runs the server in this same process, so
// Ctrl-C reaches the server and its graceful shutdown directly.
await import('./ensure-build.mjs')
await import('../dist/src/server.js')
