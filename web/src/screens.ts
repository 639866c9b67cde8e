// The public screens: home, directory, service, guides, guide, search.
import { h } from './dom';
import type { DirectoryQuery, GuideQuery, GuidesQuery, HomeQuery, SearchQuery, ServiceDetailQuery } from './gql/graphql';
import { formatDate, formatTime, locale, t } from './i18n';
import { markdown } from './markdown';
import { callButtons, link, load, nodes, page, servedNote, withNumber, type Phone } from './ui';

type ServiceRow = {
  slug?: string | null;
  name: string;
  categoryLabel: string;
  openNow: boolean;
  closesAt?: string | null;
  opensAt?: string | null;
  phones?: Phone[] | null;
};

function serviceCard(s: ServiceRow): HTMLElement {
  const status = s.openNow
    ? h('span', { class: 'open' }, t('service.open'), s.closesAt ? ` · ${t('service.closes', { time: formatTime(s.closesAt) })}` : '')
    : h('span', { class: 'closed' }, t('service.closed'), s.opensAt ? ` · ${t('service.opens', { time: formatTime(s.opensAt) })}` : '');
  const call = (s.phones ?? []).find((p) => p.kind !== 'SMS');
  return h(
    'li',
    { class: 'card' },
    h('h3', null, s.slug ? link(`/app/service/${encodeURIComponent(s.slug)}`, s.name) : s.name),
    h('p', { class: 'meta' }, s.categoryLabel, ' · ', status),
    call ? h('a', { class: 'call', href: call.telUri }, withNumber('home.call', call.display)) : null,
  );
}

// The emergency line, when even the saved crisis lines cannot be read.
export const emergencyFallback = () => callButtons([{ display: '911', telUri: 'tel:911', kind: 'VOICE' }], true);

// backTo: the way back to a list. The client adds no history entries (so
// that quick exit leaves none), so the browser's Back leaves the app; this
// link is the in-app way back.
function backTo(href: string, label: string): HTMLElement {
  return h('p', { class: 'links' }, h('a', { href }, `${t('back')}: ${label}`));
}

// languageName: a language code in the reader's language ("es" → "Spanish").
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([locale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function home(): HTMLElement {
  const crisis = h('div', { class: 'crisis-slot' });
  const open = h('div');
  const p = page(
    t('home.title'),
    h('section', { class: 'crisis', 'aria-labelledby': 'crisis-title' }, h('h2', { id: 'crisis-title' }, t('home.crisis')), crisis),
    h(
      'div',
      { class: 'actions' },
      h('a', { class: 'btn btn-urgent', href: '/app/help' }, t('home.helpNow')),
      h('p', { class: 'hint' }, t('home.helpNowHint')),
    ),
    h('section', { 'aria-labelledby': 'open-title' }, h('h2', { id: 'open-title' }, t('home.openNow')), open),
    h('p', { class: 'links' }, link('/app/services', t('home.allServices')), link('/app/signin', t('home.signIn'))),
  );
  void load<HomeQuery>(crisis, 'Home', { locale: locale() }, (d) => {
    const services = nodes(d.services.edges).map(serviceCard);
    open.replaceChildren(services.length ? h('ul', { class: 'cards' }, services) : h('p', null, t('home.noneOpen')));
    return h(
      'ul',
      { class: 'crisis-list' },
      d.crisisContacts.map((c, i) =>
        h('li', null, h('h3', null, c.name), c.description ? h('p', null, c.description) : null, callButtons(c.phones ?? [], i === 0)),
      ),
    );
  }, emergencyFallback);
  return p;
}

export function services(): HTMLElement {
  const slot = h('div');
  const p = page(t('services.title'), slot);
  void load<DirectoryQuery>(slot, 'Directory', { locale: locale() }, (d) => [
    h('p', { class: 'meta' }, t('services.count', { count: d.services.totalCount })),
    h('ul', { class: 'cards', 'data-list': 'directory' }, nodes(d.services.edges).map(serviceCard)),
  ]);
  return p;
}

export function service(slug: string): HTMLElement {
  const slot = h('div');
  const p = page(t('nav.services'), slot, backTo('/app/services', t('services.title')));
  void load<ServiceDetailQuery>(slot, 'ServiceDetail', { slug, locale: locale() }, (d) => {
    const s = d.service;
    if (!s) return h('p', null, t('service.notFound'));
    const title = p.querySelector('h1');
    if (title) title.textContent = s.name;
    document.title = `${s.name} · ${t('app.name')}`;
    const hours = s.hours;
    return [
      servedNote(s.servedLocale, s.machineTranslated),
      h('p', { class: 'meta' }, s.categoryLabel, ' · ', h('span', { class: s.openNow ? 'open' : 'closed' }, s.openNow ? t('service.open') : t('service.closed'))),
      s.description ? h('p', null, s.description) : null,
      callButtons(s.phones ?? [], true),
      h('h2', null, t('service.hours')),
      h(
        'p',
        null,
        hours?.alwaysOpen ? t('service.alwaysOpen') : hours?.summary ?? '',
        hours?.byAppointment ? ` (${t('service.byAppointment')})` : '',
      ),
      s.email ? [h('h2', null, t('service.email')), h('p', null, h('a', { href: `mailto:${s.email}` }, s.email))] : null,
      s.languages?.length ? [h('h2', null, t('service.languages')), h('p', null, s.languages.map(languageName).join(', '))] : null,
      s.locations?.length
        ? [
            h('h2', null, t('service.places')),
            h(
              'ul',
              { class: 'plain' },
              s.locations.map((l) =>
                h(
                  'li',
                  null,
                  h('address', null, l.name ? h('strong', null, l.name) : null, l.address ? [h('br'), l.address.street, h('br'), `${l.address.city}, ${l.address.state} ${l.address.postalCode}`] : null),
                  l.adaAccessible ? h('p', { class: 'meta' }, t('service.accessible')) : null,
                  l.accessibilityNotes ? h('p', { class: 'meta' }, l.accessibilityNotes) : null,
                ),
              ),
            ),
          ]
        : null,
      s.provider ? h('p', { class: 'meta' }, `${t('service.provider')} `, s.provider.name) : null,
    ];
  });
  return p;
}

export function guides(): HTMLElement {
  const slot = h('div');
  const p = page(t('guides.title'), slot);
  void load<GuidesQuery>(slot, 'Guides', { locale: locale() }, (d) =>
    h(
      'ul',
      { class: 'cards' },
      nodes(d.resources.edges).map((g) =>
        h('li', { class: 'card' }, h('h3', null, link(`/app/guide/${encodeURIComponent(g.slug)}`, g.title)), h('p', { class: 'meta' }, g.categoryLabel), g.summary ? h('p', null, g.summary) : null),
      ),
    ),
  );
  return p;
}

export function guide(slug: string): HTMLElement {
  const slot = h('div');
  const p = page(t('guides.title'), slot, backTo('/app/guides', t('guides.title')));
  void load<GuideQuery>(slot, 'Guide', { slug, locale: locale() }, (d) => {
    const g = d.resource;
    if (!g) return h('p', null, t('guide.notFound'));
    const title = p.querySelector('h1');
    if (title) title.textContent = g.title;
    document.title = `${g.title} · ${t('app.name')}`;
    return [
      servedNote(g.servedLocale, g.machineTranslated),
      h('article', { class: 'guide', lang: g.servedLocale, dir: g.direction === 'RTL' ? 'rtl' : 'ltr' }, markdown(g.body)),
      h('p', { class: 'meta' }, t('guides.updated', { date: formatDate(g.updatedAt, false) })),
    ];
  });
  return p;
}

export function search(q: string, go: (path: string) => void): HTMLElement {
  const input = h('input', { type: 'search', name: 'q', id: 'q', value: q, autocomplete: 'off', required: true });
  const slot = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      role: 'search',
      class: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        go(`/app/search?q=${encodeURIComponent(input.value.trim())}`);
      },
    },
    h('label', { for: 'q' }, t('search.label')),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'btn' }, t('search.submit'))),
  );
  const p = page(t('search.title'), form, slot);
  if (q) {
    void load<SearchQuery>(slot, 'Search', { text: q, locale: locale() }, (d) =>
      d.search.length
        ? h(
            'ul',
            { class: 'cards' },
            d.search.map((r) => {
              switch (r.__typename) {
                case 'Service':
                  return h('li', { class: 'card' }, h('h3', null, r.slug ? link(`/app/service/${encodeURIComponent(r.slug)}`, r.name) : r.name), h('p', { class: 'meta' }, t('search.service'), ' · ', r.categoryLabel));
                case 'Resource':
                  return h('li', { class: 'card' }, h('h3', null, link(`/app/guide/${encodeURIComponent(r.guideSlug)}`, r.title)), h('p', { class: 'meta' }, t('search.guide')), r.summary ? h('p', null, r.summary) : null);
                default:
                  return h('li', { class: 'card' }, h('h3', null, r.name), h('p', { class: 'meta' }, t('search.organization')));
              }
            }),
          )
        : h('p', null, t('search.none')),
    );
  }
  return p;
}
