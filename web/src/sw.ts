// The service worker: keeps the app shell (index and hashed assets) and the
// answers of the public operations (directory, guides, crisis lines), so
// they work offline after a first visit. Answers are network first and saved
// under a GET key per operation and variables; nothing with an
// Authorization header (a case session) is ever saved. Quick exit deletes
// every cache and unregisters this worker.
/// <reference lib="webworker" />
declare const __SHELL__: string[];
declare const __VERSION__: string;

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${__VERSION__}`;
const DATA = 'data-v1';
const PUBLIC = new Set(['Home', 'Directory', 'ServiceDetail', 'Guides', 'Guide', 'Locales', 'Search']);

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll(['/app/', ...__SHELL__]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

// Quick exit tells the worker to forget: it keeps nothing more, even for a
// request already under way, and deletes what it kept.
let forgotten = false;
sw.addEventListener('message', (e) => {
  if (e.data !== 'forget') return;
  forgotten = true;
  e.waitUntil(caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k)))));
});

function offline(): Response {
  return new Response(JSON.stringify({ errors: [{ message: '', extensions: { code: 'OFFLINE' } }] }), {
    status: 503,
    headers: { 'Content-Type': 'application/json', 'X-VS-Offline': 'none' },
  });
}

async function query(req: Request): Promise<Response> {
  let key: string | null = null;
  if (!req.headers.has('Authorization')) {
    try {
      const body = (await req.clone().json()) as { operationName?: string; variables?: unknown };
      if (body.operationName && PUBLIC.has(body.operationName)) {
        const lang = req.headers.get('Accept-Language') ?? '';
        key = `/app/__data/${body.operationName}?v=${encodeURIComponent(JSON.stringify(body.variables ?? {}))}&l=${encodeURIComponent(lang)}`;
      }
    } catch {
      key = null;
    }
  }
  try {
    const res = await fetch(req);
    if (key && res.ok && !forgotten) {
      const copy = res.clone();
      const text = await copy.text();
      if (!text.includes('"errors"') && !forgotten) {
        const cache = await caches.open(DATA);
        await cache.put(key, new Response(text, { headers: { 'Content-Type': 'application/json', 'X-VS-Offline': 'saved' } }));
      }
    }
    return res;
  } catch {
    if (key) {
      const saved = await caches.match(key);
      if (saved) return saved;
    }
    return offline();
  }
}

async function navigate(req: Request): Promise<Response> {
  try {
    return await fetch(req);
  } catch {
    return (await caches.match('/app/', { cacheName: SHELL })) ?? Response.error();
  }
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin) return;
  if (req.method === 'POST' && url.pathname === '/query') {
    e.respondWith(query(req));
  } else if (req.method === 'GET' && req.mode === 'navigate' && url.pathname.startsWith('/app/')) {
    e.respondWith(navigate(req));
  } else if (req.method === 'GET' && url.pathname.startsWith('/app/assets/')) {
    e.respondWith(caches.match(req).then((hit) => hit ?? fetch(req)));
  }
});
