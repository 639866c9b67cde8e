// The web client's end-to-end suite: playwright-core driving Debian's
// /usr/bin/chromium (no browser download) against a real server (.ci/web
// starts one on a fresh database), with axe-core injected into each page.
//
//   node e2e/run.mjs --base http://127.0.0.1:8080 --case VS-XXXX-XXXX --code XXXX-XXXX-XXXX \
//     [--consent-case VS-… --consent-code …] [--screenshots DIR]
//
// Prints one line per test and closes with "N passed, N failed".
import { chromium } from 'playwright-core';
import * as esbuild from 'esbuild';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    case: { type: 'string' },
    code: { type: 'string' },
    // A case with a referral waiting for consent (the demo case in progress).
    'consent-case': { type: 'string' },
    'consent-code': { type: 'string' },
    screenshots: { type: 'string' },
    only: { type: 'string' },
  },
});
if (!args.base || !args.case || !args.code) {
  console.error('usage: node e2e/run.mjs --base URL --case CASE-NUMBER --code ACCESS-CODE [--screenshots DIR]');
  process.exit(2);
}
const base = args.base.replace(/\/$/, '');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LANGS = ['en', 'es', 'ar'];
const VIEWPORT = { width: 390, height: 844 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

let passed = 0;
let failed = 0;
async function test(name, fn) {
  if (args.only && !name.includes(args.only)) return;
  const started = Date.now();
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', serviceWorkers: 'allow' });
  const problems = [];
  context.on('page', (p) => watch(p, problems));
  // No request to any other origin, from a page or the service worker.
  context.on('request', (r) => {
    if (!r.url().startsWith(`${base}/`) && !/^(data|about|blob):/.test(r.url())) problems.push(`a third-party request: ${r.url()}`);
  });
  try {
    await fn(context, problems);
    if (problems.length) throw new Error(`console errors:\n  ${problems.join('\n  ')}`);
    passed++;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n     ')}`);
  } finally {
    await context.close();
  }
}

// watch records what the page reports as broken: script errors, CSP
// violations and failed requests (all show as console errors).
function watch(page, problems) {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
}

function assert(ok, message) {
  if (!ok) throw new Error(message);
}

function url(path, lang) {
  return `${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

// settled: the screen's data has arrived (no loading state left).
async function settled(page) {
  await page.waitForSelector('#page-title');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), null, { timeout: 15000 });
}

async function axe(page, label) {
  await page.evaluate(axeSource); // through the debugger: the page's CSP forbids injected scripts, rightly
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(
    !bad.length,
    `${label}: axe found ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`,
  );
}

// layout checks the direction by geometry: the brand sits at the start of
// the header and quick exit at its end, so Arabic mirrors them.
async function layout(page, lang) {
  const dir = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  const rtl = lang === 'ar' || lang === 'ur';
  assert(dir[0] === lang && dir[1] === (rtl ? 'rtl' : 'ltr'), `html lang/dir ${dir} for ${lang}`);
  const exit = await page.locator('#quick-exit').boundingBox();
  const brand = await page.locator('.brand').boundingBox();
  assert(exit && brand, 'no quick exit or brand');
  const edge = 24; // the header's padding
  if (rtl) {
    assert(exit.x < edge && brand.x + brand.width > VIEWPORT.width - edge, `${lang}: not mirrored (exit at ${exit.x}, brand ends at ${brand.x + brand.width})`);
  } else {
    assert(exit.x + exit.width > VIEWPORT.width - edge && brand.x < edge, `${lang}: exit ends at ${exit.x + exit.width}, brand at ${brand.x}`);
  }
  assert(exit.height >= 44 && exit.width >= 44, `quick exit is ${exit.width}x${exit.height}, under 44 px`);
}

const firstGuide = await (async () => {
  const r = await fetch(`${base}/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: '{ resources(first: 1) { edges { node { slug } } } }' }),
  });
  return (await r.json()).data.resources.edges[0].node.slug;
})();

const SCREENS = [
  ['home', '/app/'],
  ['directory', '/app/services'],
  ['service', '/app/service/victim-advocacy'],
  ['guides', '/app/guides'],
  ['guide', `/app/guide/${firstGuide}`],
  ['search', '/app/search?q=victim'],
  ['help', '/app/help'],
  ['sign in', '/app/signin'],
];

for (const lang of LANGS) {
  await test(`every public screen in ${lang}: content, direction by layout, quick exit, axe`, async (context) => {
    const page = await context.newPage();
    for (const [name, path] of SCREENS) {
      await page.goto(url(path, lang));
      await settled(page);
      await layout(page, lang);
      const text = await page.locator('main').innerText();
      assert(!/Something went wrong|Algo salió mal|حدث خطأ/.test(text), `${name} in ${lang}: an error: ${text.slice(0, 200)}`);
      if (name === 'home') {
        const first = page.locator('main a[href^="tel:"]').first();
        assert((await first.getAttribute('href')) === 'tel:911', `home in ${lang}: the first call is ${await first.getAttribute('href')}`);
        if (lang === 'en') assert((await first.innerText()).trim() === 'Call 911', `home: the first call reads ${await first.innerText()}`);
        const crisis = await page.locator('.crisis').boundingBox();
        const open = await page.locator('#open-title').boundingBox();
        assert(crisis.y < open.y, `home in ${lang}: the crisis lines are not first`);
        if (args.screenshots) {
          mkdirSync(args.screenshots, { recursive: true });
          await page.screenshot({ path: `${args.screenshots}/home-${lang}.png`, fullPage: false });
        }
      }
      if (name === 'directory') assert((await page.locator('[data-list="directory"] > li').count()) > 3, `directory in ${lang}: few services`);
      if (name === 'service') assert((await page.locator('main a[href^="tel:"]').count()) > 0 && (await page.locator('main address').count()) > 0, `service in ${lang}: no call or no address`);
      if (name === 'guide') assert((await page.locator('article.guide p, article.guide li').count()) > 0, `guide in ${lang}: no body`);
      if (name === 'search') assert((await page.locator('main .cards > li').count()) > 0, `search in ${lang}: no result`);
      await axe(page, `${name} in ${lang}`);
    }
  });
}

await test('the language picker offers the twelve locales and switches to Urdu right to left', async (context) => {
  const page = await context.newPage();
  await page.goto(url('/app/', 'en'));
  await settled(page);
  const options = await page.locator('#lang option').count();
  assert(options === 12, `${options} locales in the picker`);
  await page.selectOption('#lang', 'ur');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ur');
  await settled(page);
  assert(await page.locator('.ui-fallback').isVisible(), 'no note that the buttons are in English');
  await layout(page, 'ur');
  await axe(page, 'home in ur');
});

await test('intake: a person who is not safe sees 911 first, then the case number', async (context) => {
  const page = await context.newPage();
  await page.goto(url('/app/help', 'en'));
  await settled(page);
  await page.check('#safe-no');
  await page.waitForSelector('.urgent-slot a[href="tel:911"]');
  const first = await page.locator('main a[href^="tel:"]').first().getAttribute('href');
  assert(first === 'tel:911', `before sending, the first call is ${first}`);
  const urgent = await page.locator('.urgent-slot').boundingBox();
  const form = await page.locator('main form').boundingBox();
  assert(urgent.y < form.y, 'the emergency lines are not above the form');
  await axe(page, 'intake, not safe');
  await page.check('#method-SMS');
  await page.fill('#phone', '+1 312 555 0142');
  await page.check('#need-SHELTER');
  await page.click('main button[type="submit"]');
  await page.waitForSelector('[data-case-number]');
  const order = await page.evaluate(() => {
    const emergency = document.querySelector('[data-emergency]');
    const number = document.querySelector('[data-case-number]');
    return {
      first: emergency?.querySelector('a[href^="tel:"]')?.getAttribute('href'),
      before: !!emergency && !!(emergency.compareDocumentPosition(number) & Node.DOCUMENT_POSITION_FOLLOWING),
      number: number?.textContent,
    };
  });
  assert(order.first === 'tel:911' && order.before, `after sending: ${JSON.stringify(order)}`);
  assert(/^VS-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(order.number), `case number ${order.number}`);
  await axe(page, 'intake answer');
});

await test('sign in with case number and access code, then my case in en, es and ar', async (context) => {
  const page = await context.newPage();
  await page.goto(url('/app/signin', 'en'));
  await settled(page);
  await page.fill('#case-number', args.case);
  await page.fill('#access-code', args.code);
  await page.click('main button[type="submit"]');
  await page.waitForURL(/\/app\/case$/);
  await settled(page);
  for (const lang of LANGS) {
    if (lang !== 'en') {
      await page.selectOption('#lang', lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await settled(page);
    }
    await layout(page, lang);
    const text = await page.locator('main').innerText();
    assert(text.includes(args.case), `my case in ${lang}: no case number`);
    assert(text.includes('Alex Rivera (demo advocate)'), `my case in ${lang}: no advocate`);
    assert(/Cook County Criminal Court/.test(text), `my case in ${lang}: no court date`);
    await axe(page, `my case in ${lang}`);
  }
  await page.fill('#message-body', 'When is the hearing?');
  await page.click('form:has(#message-body) button[type="submit"]');
  await page.waitForFunction(() => [...document.querySelectorAll('.messages .from-me')].some((li) => li.textContent.includes('When is the hearing?')));
  await settled(page);
  await page.click('a[href="/app/feedback"]');
  await settled(page);
  await page.check('#rating-5');
  await page.fill('#comment', 'Thank you');
  await page.click('main button[type="submit"]');
  await page.waitForSelector('.msg[role="status"]');
  await axe(page, 'feedback');
});

if (args['consent-case']) {
  await test('my case in ar: consent to share with a partner, right to left', async (context) => {
    const page = await context.newPage();
    await page.goto(url('/app/signin', 'ar'));
    await settled(page);
    await page.fill('#case-number', args['consent-case']);
    await page.fill('#access-code', args['consent-code']);
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/app\/case$/);
    await settled(page);
    const choice = page.locator('input[type="radio"][value="NAME_AND_CONTACT"]');
    assert((await choice.count()) === 1, 'no referral waiting for consent');
    await layout(page, 'ar');
    await axe(page, 'consent in ar');
    await choice.check();
    await page.click('form:has(input[value="NAME_AND_CONTACT"]) button[type="submit"]');
    await page.waitForFunction(() => !document.querySelector('input[value="NAME_AND_CONTACT"]'));
    await settled(page);
    assert((await page.locator('main').innerText()).includes('تمت مشاركة'), 'the referral does not say what is shared');
  });
}

await test('guides: Markdown becomes elements and text only, never markup from the text', async (context) => {
  const page = await context.newPage();
  await page.goto(url('/app/guides', 'en'));
  await settled(page);
  // The client's renderer, bundled on its own, run in the page (under its CSP).
  const bundle = await esbuild.build({ entryPoints: ['src/markdown.ts'], bundle: true, write: false, format: 'iife', globalName: 'md' });
  await page.evaluate(bundle.outputFiles[0].text + ';window.md = md;');
  const out = await page.evaluate(() => {
    const hostile = [
      '# Title <img src=x onerror="window.owned=1">',
      '',
      'Text with <script>window.owned=1</script> and **bold <b onclick=x>b</b>** and `<i>code</i>`.',
      '',
      '- [a link](https://example.org) and [js](javascript:window.owned=1) and [mail](mailto:a@example.org)',
      '- [data](data:text/html,<script>1</script>) and [tel](tel:911)',
      '',
      '> quoted <iframe src=//x></iframe>',
    ].join('\n');
    const root = document.createElement('div');
    root.append(window.md.markdown(hostile));
    document.body.append(root);
    const tags = [...root.querySelectorAll('*')].map((e) => e.tagName.toLowerCase());
    const attrs = [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => `${a.name}=${a.value}`));
    const text = root.textContent;
    root.remove();
    return { tags, attrs, text, owned: window.owned === 1 };
  });
  const allowed = new Set(['h2', 'p', 'strong', 'em', 'code', 'ul', 'ol', 'li', 'a', 'blockquote']);
  assert(out.tags.every((t) => allowed.has(t)), `unexpected elements: ${out.tags}`);
  const hrefs = out.attrs.filter((a) => a.startsWith('href='));
  assert(hrefs.join() === 'href=https://example.org,href=mailto:a@example.org,href=tel:911', `links: ${hrefs}`);
  assert(out.attrs.every((a) => /^(href|rel)=/.test(a)), `attributes: ${out.attrs}`);
  assert(out.text.includes('<script>window.owned=1</script>') && out.text.includes('<img src=x onerror='), 'markup did not stay visible text');
  assert(out.tags.includes('h2') && out.tags.includes('blockquote') && out.tags.includes('strong'), `structure lost: ${out.tags}`);
  assert(!out.owned, 'script ran');
});

await test('quick exit (Esc three times) ends the session and leaves no readable state', async (context) => {
  const page = await context.newPage();
  await page.goto(url('/app/signin', 'es'));
  await settled(page);
  const start = await page.evaluate(() => history.length);
  await page.waitForFunction(() => document.documentElement.dataset.offline === 'es', null, { timeout: 20000 });
  await page.focus('.skip');
  await page.keyboard.press('Enter');
  await page.fill('#case-number', args.case);
  await page.fill('#access-code', args.code);
  await page.click('main button[type="submit"]');
  await page.waitForURL(/\/app\/case$/);
  await settled(page);
  await page.click('a[data-tab="/app/guides"]');
  await settled(page);
  const before = await page.evaluate(async () => ({
    token: sessionStorage.getItem('vs.session'),
    local: localStorage.length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    history: history.length,
  }));
  assert(before.token && before.local > 0 && before.caches > 0 && before.workers > 0, `nothing to clear: ${JSON.stringify(before)}`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await page.waitForURL(`${base}/recipes/bread`);
  const after = await page.evaluate(async () => ({
    title: document.title,
    session: sessionStorage.length,
    local: localStorage.length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    history: history.length,
  }));
  assert(after.session === 0 && after.local === 0 && after.caches === 0 && after.workers === 0, `state left: ${JSON.stringify(after)}`);
  assert(before.history === start && after.history === start, `history grew from ${start} to ${before.history} in the app, ${after.history} after`);
  assert(!/victim|víctima/i.test(await page.content()), 'the neutral page mentions victims');
  await page.goBack().catch(() => null);
  assert(!page.url().includes('/app'), `Back returns to the app: ${page.url()}`);
  const r = await page.request.post(`${base}/query`, {
    headers: { Authorization: `Bearer ${before.token}`, 'Content-Type': 'application/json' },
    data: { query: '{ myCase { caseNumber } }' },
  });
  const body = await r.json();
  assert(!body.data?.myCase, `the session still works after quick exit: ${JSON.stringify(body)}`);
});

await test('quick exit button on a screen', async (context) => {
  const page = await context.newPage();
  await page.goto(url('/app/service/victim-advocacy', 'ar'));
  await settled(page);
  await page.click('#quick-exit');
  await page.waitForURL(`${base}/recipes/bread`);
  const state = await page.evaluate(() => localStorage.length + sessionStorage.length);
  assert(state === 0, `${state} stored items left`);
});

await test('offline: the directory and a guide reload from the saved copy', async (context, problems) => {
  const page = await context.newPage();
  await page.goto(url('/app/services', 'en'));
  await settled(page);
  await page.waitForFunction(() => document.documentElement.dataset.offline === 'en', null, { timeout: 20000 });
  await context.setOffline(true);
  await page.reload();
  await settled(page);
  assert(await page.locator('[data-saved]').isVisible(), 'no saved-copy note: the page did not come from the service worker');
  const n = await page.locator('[data-list="directory"] > li').count();
  assert(n > 3, `offline directory has ${n} services`);
  await page.click('a[data-tab="/app/guides"]');
  await settled(page);
  await page.locator('main .cards a').first().click();
  await settled(page);
  assert((await page.locator('article.guide p, article.guide li').count()) > 0, 'offline guide has no body');
  // The browser reports the failed network attempts behind the saved copies.
  problems.splice(0, problems.length, ...problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/.test(p)));
  await context.setOffline(false);
});

await test('slow 3G: the home screen loads with the crisis lines first', async (context) => {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Chrome DevTools' "Slow 3G" profile: 400 ms round trip, 400 kbit/s.
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50000, uploadThroughput: 50000 });
  const started = Date.now();
  await page.goto(url('/app/', 'en'), { timeout: 60000 });
  await page.waitForSelector('.crisis a[href="tel:911"]', { timeout: 60000 });
  const bytes = await page.evaluate(() => performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).reduce((n, e) => n + (e.transferSize || 0), 0));
  console.log(`     911 shown after ${Date.now() - started} ms on slow 3G, ${bytes} bytes transferred`);
});

await browser.close();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
