// Widgets every screen shares: the call buttons, the loading and error
// states, the notes about the served language.
import { ApiError, gql, type Result } from './api';
import { h, replace, type Child } from './dom';
import { locale, nameOf, t } from './i18n';

export interface Phone {
  display: string;
  telUri: string;
  smsUri?: string | null;
  kind?: string;
}

// A page is the body of one screen: its h1 is focused after navigation.
// nodes: the nodes of a Relay connection's edges (the schema allows null
// edges and nodes).
export function nodes<N>(edges: readonly ({ node?: N | null } | null)[] | null | undefined): N[] {
  return (edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
}

export function page(title: string, ...children: Child[]): HTMLElement {
  document.title = `${title} · ${t('app.name')}`;
  return h('section', { class: 'page' }, h('h1', { tabindex: '-1', id: 'page-title' }, title), ...children);
}

export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href }, ...children);
}

// withNumber puts a phone number into a sentence as its own left-to-right
// island, so "(312) 555-1234" stays in order inside Arabic or Urdu text.
export function withNumber(key: 'home.call' | 'home.text', number: string): Child[] {
  const [before, after = ''] = t(key, { number: '\u0000' }).split('\u0000');
  // One span: a flex container (the call buttons) would trim the spaces
  // between separate items.
  return [h('span', null, before, h('bdi', { dir: 'ltr' }, number), after)];
}

// callButtons: one big tap target per phone, tel: first, then sms:.
export function callButtons(phones: readonly Phone[], primary = false): HTMLElement {
  const items: Child[] = [];
  for (const p of phones) {
    if (p.kind !== 'SMS') {
      items.push(h('a', { class: primary ? 'call call-primary' : 'call', href: p.telUri }, withNumber('home.call', p.display)));
    }
    if (p.smsUri) items.push(h('a', { class: 'call call-text', href: p.smsUri }, withNumber('home.text', p.display)));
  }
  return h('div', { class: 'calls' }, items);
}

export function servedNote(served: string | null | undefined, machine?: boolean): Child {
  const notes: Child[] = [];
  if (served && served !== locale()) notes.push(h('p', { class: 'note', lang: 'en' }, t('translation.fallback', { locale: nameOf(served) })));
  if (machine) notes.push(h('p', { class: 'note' }, t('translation.machine')));
  return notes;
}

export function message(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'OFFLINE') return t('offline');
    if (e.message) return e.message;
  }
  return t('error');
}

// load fills slot with the screen once its operation answers, and says so
// when the answer is the service worker's saved copy.
export async function load<T>(
  slot: HTMLElement,
  name: string,
  vars: Record<string, unknown>,
  render: (data: T) => Child,
  fallback?: () => Child,
  onError?: (e: unknown) => boolean,
): Promise<void> {
  replace(slot, h('p', { class: 'loading', role: 'status' }, t('loading')));
  slot.setAttribute('aria-busy', 'true');
  try {
    const r: Result<T> = await gql<T>(name, vars);
    replace(slot, r.saved ? h('p', { class: 'msg msg-saved', role: 'status', 'data-saved': '1' }, t('saved')) : null, render(r.data));
  } catch (e) {
    if (onError?.(e)) return;
    const retry = h('button', { type: 'button', class: 'btn', onclick: () => void load(slot, name, vars, render, fallback, onError) }, t('retry'));
    replace(slot, fallback?.(), message(errorText(e), 'error'), retry);
  } finally {
    slot.removeAttribute('aria-busy');
  }
}

export function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null, control);
}
