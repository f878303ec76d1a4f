// `npm start`: brings the server's bundle up to date (scripts/ensure-build.mjs), then runs it in this same process,
// so Ctrl-C reaches the server and its graceful shutdown directly.
await import('./ensure-build.mjs')
await import('../dist/server.mjs')
