// The reference web client of the Victim Services API: a shell (quick exit,
// language picker, navigation) around one screen at a time. Navigation
// replaces the current history entry instead of adding one, so after a quick
// exit Back does not lead into the app.
import './style.css';
import { gql, setLocale } from './api';
import { feedback, help, myCase, restoreSession, signInScreen } from './case';
import { h, replace } from './dom';
import { listenForEscape, quickExit } from './exit';
import type { GuidesQuery, LocalesQuery } from './gql/graphql';
import { direction, hasOwnStrings, LOCALES, locale, match, setLocales, setUILocale, t, type Key } from './i18n';
import { guide, guides, home, search, service, services } from './screens';
import { nodes, page } from './ui';

const LOCALE_KEY = 'vs.locale';

function initialLocale(): string {
  const url = new URL(location.href);
  const asked = url.searchParams.get('lang');
  if (asked) {
    url.searchParams.delete('lang');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    const code = match([asked]);
    try {
      localStorage.setItem(LOCALE_KEY, code);
    } catch {
      /* storage may be disabled */
    }
    return code;
  }
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    if (saved) return match([saved]);
  } catch {
    /* storage may be disabled */
  }
  return match(navigator.languages ?? [navigator.language]);
}

function applyLocale(code: string): void {
  setUILocale(hasOwnStrings(code) ? code : 'en');
  setLocale(code);
  current = code;
  document.documentElement.lang = code;
  document.documentElement.dir = direction(code);
}

let current = 'en';
const root = document.getElementById('app') ?? document.body;
const main = h('main', { id: 'main', tabindex: '-1' });

function go(path: string): void {
  history.replaceState(null, '', path);
  render(true);
}

function screen(): HTMLElement {
  const path = location.pathname.replace(/\/+$/, '') || '/app';
  const q = new URLSearchParams(location.search);
  const m = /^\/app(?:\/([a-z]+)(?:\/(.+))?)?$/.exec(path);
  const [, name = '', arg = ''] = m ?? [];
  const slug = decodeURIComponent(arg);
  switch (m ? name : '?') {
    case '':
      return home();
    case 'services':
      return services();
    case 'service':
      if (slug) return service(slug);
      break;
    case 'guides':
      return guides();
    case 'guide':
      if (slug) return guide(slug);
      break;
    case 'search':
      return search(q.get('q') ?? '', go);
    case 'help':
      return help(go);
    case 'signin':
      return signInScreen(go);
    case 'case':
      return myCase(go);
    case 'feedback':
      return feedback(go);
  }
  return page(t('notFound'), h('p', null, h('a', { href: '/app/' }, t('nav.home'))));
}

const tabs: [string, Key][] = [
  ['/app/', 'nav.home'],
  ['/app/services', 'nav.services'],
  ['/app/guides', 'nav.guides'],
  ['/app/search', 'nav.search'],
  ['/app/case', 'nav.case'],
];

function shell(): void {
  const select = h(
    'select',
    { id: 'lang', name: 'lang' },
    LOCALES.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === current }, l.nativeName)),
  );
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(LOCALE_KEY, select.value);
    } catch {
      /* storage may be disabled */
    }
    applyLocale(select.value);
    shell();
    render(false);
    document.getElementById('lang')?.focus();
    void prefetch();
  });
  replace(
    root,
    h('a', { class: 'skip', href: '#main' }, t('skip')),
    h(
      'header',
      { class: 'bar' },
      h('a', { class: 'brand', href: '/app/' }, t('app.name')),
      h('div', { class: 'lang' }, h('label', { for: 'lang' }, t('language')), select),
      h(
        'button',
        { type: 'button', class: 'exit', id: 'quick-exit', 'aria-describedby': 'exit-hint', onclick: () => void quickExit() },
        t('exit'),
        h('span', { class: 'exit-hint', id: 'exit-hint' }, t('exit.hint')),
      ),
    ),
    hasOwnStrings(current) ? null : h('p', { class: 'note ui-fallback', lang: 'en', dir: 'ltr' }, t('language.uiFallback')),
    main,
    h(
      'nav',
      { class: 'tabs', 'aria-label': t('nav.main') },
      h('ul', null, tabs.map(([href, key]) => h('li', null, h('a', { href, 'data-tab': href }, t(key))))),
    ),
  );
}

function render(focus: boolean): void {
  replace(main, screen());
  const here = location.pathname.replace(/\/+$/, '') || '/app';
  for (const a of root.querySelectorAll<HTMLAnchorElement>('[data-tab]')) {
    const tab = a.dataset.tab!.replace(/\/+$/, '');
    const on = tab === '/app' ? here === '/app' : here.startsWith(tab);
    if (on) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (focus) document.getElementById('page-title')?.focus();
}

// Links inside the app replace the current history entry.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest?.('a');
  if (!a || a.target || a.origin !== location.origin) return;
  if (a.classList.contains('skip')) {
    // Focus the content without a fragment navigation, which would add a
    // history entry.
    e.preventDefault();
    main.focus();
    return;
  }
  if (!a.pathname.startsWith('/app')) return;
  e.preventDefault();
  go(a.pathname + a.search);
});

// prefetch: once the service worker controls the page, ask for the
// directory and the guides in the current locale, so they are saved for
// offline use even when this visit did not open them.
const SAVED_KEY = 'vs.saved';
const SAVE_EVERY = 60 * 60 * 1000; // at most hourly per locale, for slow and metered connections

async function prefetch(): Promise<void> {
  if (!navigator.serviceWorker?.controller) return;
  const vars = { locale: locale() };
  const code = current;
  let saved: Record<string, number> = {};
  try {
    saved = JSON.parse(localStorage.getItem(SAVED_KEY) ?? '{}') as Record<string, number>;
  } catch {
    /* storage may be disabled */
  }
  if (Date.now() - (saved[code] ?? 0) < SAVE_EVERY) {
    document.documentElement.dataset.offline = code;
    return;
  }
  try {
    await Promise.all([gql('Home', vars), gql('Directory', vars)]);
    const g = await gql<GuidesQuery>('Guides', vars);
    await Promise.all(nodes(g.data.resources.edges).map((n) => gql('Guide', { slug: n.slug, ...vars })));
    document.documentElement.dataset.offline = code;
    try {
      localStorage.setItem(SAVED_KEY, JSON.stringify({ ...saved, [code]: Date.now() }));
    } catch {
      /* storage may be disabled */
    }
  } catch {
    /* offline or failing: the next visit tries again */
  }
}

function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => void prefetch());
  navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).then(
    () => void prefetch(),
    () => undefined,
  );
}

restoreSession();
applyLocale(initialLocale());
listenForEscape();
shell();
render(false);
registerServiceWorker();
gql<LocalesQuery>('Locales').then(
  (r) => {
    const list = r.data.locales.map((l) => ({ code: l.code, nativeName: l.nativeName, direction: l.direction }));
    if (list.map((l) => l.code).join() !== LOCALES.map((l) => l.code).join()) {
      setLocales(list);
      shell();
      render(false);
    }
  },
  () => undefined,
);
