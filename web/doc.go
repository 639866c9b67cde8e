// Package web embeds the built reference web client (dist/, built from src/
// by `npm run build` and committed, so `go build` needs no node) and serves
// it under /app/ with a strict Content-Security-Policy (no inline script or
// style, nothing but this origin), immutable caching of the hashed assets,
// no-cache for the index and the service worker, and the index for every
// other /app/ path (the client routes them). It also serves the quick exit's
// neutral page at NeutralPath, with Clear-Site-Data.
package web
