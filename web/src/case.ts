// The screens of a person's own case: the intake ("I need help now"), sign
// in, my case (with consent to referrals and messages) and feedback. The
// session token lives in sessionStorage (this tab only) and quick exit ends
// it on the server.
import { ApiError, getToken, gql, setToken } from './api';
import { h, replace, type Child } from './dom';
import type {
  GiveConsentMutation,
  HomeQuery,
  MyCaseQuery,
  ReferralShare,
  RequestSupportMutation,
  SendMessageMutation,
  SignInMutation,
  SubmitFeedbackMutation,
  SupportRequestInput,
} from './gql/graphql';
import { formatDate, locale, t, type Key } from './i18n';
import { emergencyFallback } from './screens';
import { callButtons, errorText, field, load, message, nodes, page } from './ui';

const SESSION = 'vs.session';

export function restoreSession(): void {
  try {
    setToken(sessionStorage.getItem(SESSION));
  } catch {
    setToken(null);
  }
}

function saveSession(token: string | null): void {
  setToken(token);
  try {
    if (token) sessionStorage.setItem(SESSION, token);
    else sessionStorage.removeItem(SESSION);
  } catch {
    /* storage may be disabled: the session lasts as long as the page */
  }
}

type Go = (path: string) => void;

function radios(name: string, legend: string, options: [string, string][], required = true): HTMLFieldSetElement {
  return h(
    'fieldset',
    null,
    h('legend', null, legend),
    options.map(([value, label], i) =>
      h('div', { class: 'choice' }, h('input', { type: 'radio', name, value, id: `${name}-${value}`, required: required && i === 0 }), h('label', { for: `${name}-${value}` }, label)),
    ),
  );
}

function emergencyContacts(contacts: { name: string; phones: { display: string; telUri: string; smsUri?: string | null }[] }[]): HTMLElement {
  return h(
    'section',
    { class: 'crisis', 'aria-labelledby': 'emergency-title', 'data-emergency': '1' },
    h('h2', { id: 'emergency-title' }, t('help.emergency')),
    h('ul', { class: 'crisis-list' }, contacts.map((c, i) => h('li', null, h('h3', null, c.name), callButtons(c.phones, i === 0)))),
  );
}

async function signIn(caseNumber: string, accessCode: string): Promise<void> {
  const r = await gql<SignInMutation>('SignIn', { caseNumber, accessCode });
  saveSession(r.data.openCaseSession.token);
}

export function help(go: Go): HTMLElement {
  const urgentBox = h('div', { class: 'urgent-slot', 'aria-live': 'assertive' });
  const status = h('div', { 'aria-live': 'polite' });
  const needs: Key[] = ['help.need.VICTIM_ADVOCACY', 'help.need.COUNSELING', 'help.need.LEGAL_SUPPORT', 'help.need.SHELTER', 'help.need.COMPENSATION'];
  const form = h(
    'form',
    { class: 'form', novalidate: false },
    radios('safe', t('help.safe'), [
      ['yes', t('help.safeYes')],
      ['no', t('help.safeNo')],
    ]),
    radios('method', t('help.contact'), (['PHONE', 'SMS', 'EMAIL', 'IN_APP'] as const).map((m) => [m, t(`help.method.${m}`)])),
    field('phone', t('help.phone'), h('input', { type: 'tel', name: 'phone', autocomplete: 'tel', dir: 'ltr' })),
    field('email', t('help.email'), h('input', { type: 'email', name: 'email', autocomplete: 'email', dir: 'ltr' })),
    h('div', { class: 'choice' }, h('input', { type: 'checkbox', name: 'message', id: 'message' }), h('label', { for: 'message' }, t('help.message'))),
    h(
      'fieldset',
      null,
      h('legend', null, t('help.needs')),
      needs.map((k) => {
        const v = k.slice('help.need.'.length);
        return h('div', { class: 'choice' }, h('input', { type: 'checkbox', name: 'needs', value: v, id: `need-${v}` }), h('label', { for: `need-${v}` }, t(k)));
      }),
    ),
    field('times', t('help.times'), h('input', { type: 'text', name: 'times', maxlength: 500 })),
    field('description', t('help.description'), h('textarea', { name: 'description', rows: 4, maxlength: 4000 })),
    status,
    h('button', { type: 'submit', class: 'btn btn-urgent' }, t('help.submit')),
  );
  const p = page(t('help.title'), urgentBox, h('p', null, t('help.intro')), form);

  // "Not safe": the emergency lines come first at once, before anything is sent.
  form.addEventListener('change', (e) => {
    const target = e.target as HTMLInputElement;
    if (target.name !== 'safe') return;
    if (target.value === 'no') {
      replace(urgentBox, h('p', { class: 'msg msg-error', role: 'alert' }, t('help.notSafe')), emergencyFallback());
      void gql<HomeQuery>('Home', { locale: locale() })
        .then((r) => replace(urgentBox, h('p', { class: 'msg msg-error', role: 'alert' }, t('help.notSafe')), emergencyContacts(r.data.crisisContacts)))
        .catch(() => undefined);
    } else {
      replace(urgentBox);
    }
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const safe = fd.get('safe');
    const input: SupportRequestInput = {
      preferredLocale: locale(),
      contactMethod: (fd.get('method') as SupportRequestInput['contactMethod']) ?? 'IN_APP',
      phone: String(fd.get('phone') ?? '').trim() || null,
      email: String(fd.get('email') ?? '').trim() || null,
      safeToLeaveMessage: fd.get('message') === 'on',
      needs: fd.getAll('needs').map(String) as SupportRequestInput['needs'],
      safeContactTimes: String(fd.get('times') ?? '').trim() || null,
      description: String(fd.get('description') ?? '').trim() || null,
      safeNow: safe === null ? null : safe === 'yes',
    };
    replace(status, h('p', { role: 'status' }, t('loading')));
    gql<RequestSupportMutation>('RequestSupport', { input })
      .then((r) => {
        const d = r.data.requestSupport;
        const done = page(
          t('help.sent'),
          d.urgent || d.emergencyContacts.length ? emergencyContacts(d.emergencyContacts) : null,
          d.emergencyMessage ? h('p', { class: 'msg msg-error' }, d.emergencyMessage) : null,
          h('p', null, t('help.keep')),
          h('dl', { class: 'codes' }, h('dt', null, t('help.caseNumber')), h('dd', { 'data-case-number': '' }, d.caseNumber), h('dt', null, t('help.accessCode')), h('dd', { 'data-access-code': '' }, d.accessCode)),
          h(
            'button',
            {
              type: 'button',
              class: 'btn',
              onclick: () => void signIn(d.caseNumber, d.accessCode).then(() => go('/app/case'), () => go('/app/signin')),
            },
            t('signin.submit'),
          ),
        );
        p.replaceWith(done);
        done.querySelector('h1')?.focus();
      })
      .catch((err) => {
        replace(status, message(errorText(err), 'error'));
        // extensions.field is the input's path (input.phone): focus that control.
        const names: Record<string, string> = { 'input.phone': 'phone', 'input.email': 'email', 'input.safeContactTimes': 'times', 'input.description': 'description', 'input.contactMethod': 'method' };
        const name = err instanceof ApiError && err.field ? names[err.field] : undefined;
        if (name) form.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
      });
  });
  return p;
}

export function signInScreen(go: Go): HTMLElement {
  const status = h('div');
  const form = h(
    'form',
    { class: 'form' },
    field('case-number', t('signin.caseNumber'), h('input', { type: 'text', name: 'caseNumber', autocomplete: 'off', required: true, autocapitalize: 'characters', spellcheck: 'false', dir: 'ltr' })),
    field('access-code', t('signin.accessCode'), h('input', { type: 'password', name: 'accessCode', autocomplete: 'off', required: true, dir: 'ltr' })),
    status,
    h('button', { type: 'submit', class: 'btn' }, t('signin.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    replace(status, h('p', { role: 'status' }, t('loading')));
    signIn(String(fd.get('caseNumber')).trim(), String(fd.get('accessCode')).trim()).then(
      () => go('/app/case'),
      (err) => replace(status, message(errorText(err), 'error')),
    );
  });
  return page(t('signin.title'), h('p', null, t('signin.intro')), form);
}

function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'box' }, h('h2', null, title), ...children);
}

export function myCase(go: Go): HTMLElement {
  if (!getToken()) {
    queueMicrotask(() => go('/app/signin'));
    return page(t('case.title'));
  }
  const slot = h('div');
  const p = page(t('case.title'), slot);
  // An ended or expired session: sign in again.
  const expired = (e: unknown) => {
    if (!(e instanceof ApiError && e.code === 'UNAUTHENTICATED')) return false;
    saveSession(null);
    go('/app/signin');
    return true;
  };
  const reload = () => void load<MyCaseQuery>(slot, 'MyCase', { locale: locale() }, render, undefined, expired);
  const render = (d: MyCaseQuery): Child => {
    const c = d.myCase;
    if (!c) {
      saveSession(null);
      queueMicrotask(() => go('/app/signin'));
      return null;
    }
    const messages = nodes(c.messages.edges);
    const body = h('textarea', { name: 'body', rows: 3, required: true, maxlength: 4000 });
    const sendStatus = h('div', { 'aria-live': 'polite' });
    const send = h('form', { class: 'form' }, field('message-body', t('case.write'), body), sendStatus, h('button', { type: 'submit', class: 'btn' }, t('case.send')));
    send.addEventListener('submit', (e) => {
      e.preventDefault();
      gql<SendMessageMutation>('SendMessage', { body: body.value }).then(reload, (err) => replace(sendStatus, message(errorText(err), 'error')));
    });
    return [
      h('dl', { class: 'codes' }, h('dt', null, t('help.caseNumber')), h('dd', null, c.caseNumber), h('dt', null, t('case.status')), h('dd', { 'data-status': c.status }, c.statusLabel)),
      h('p', { class: 'meta' }, t('case.opened', { date: formatDate(c.openedAt, false) })),
      section(
        t('case.advocate'),
        c.advocate
          ? [
              h('p', null, h('strong', null, c.advocate.displayName)),
              c.advocate.phone ? callButtons([{ ...c.advocate.phone, kind: 'VOICE' }]) : null,
              c.advocate.email ? h('p', null, h('a', { href: `mailto:${c.advocate.email}` }, c.advocate.email)) : null,
            ]
          : h('p', null, t('case.noAdvocate')),
        c.nextFollowUp ? h('p', null, t('case.nextFollowUp', { date: formatDate(c.nextFollowUp) })) : null,
      ),
      section(
        t('case.court'),
        c.courtDates?.length
          ? h(
              'ul',
              { class: 'plain' },
              c.courtDates.map((cd) =>
                h(
                  'li',
                  null,
                  h('p', null, h('strong', null, formatDate(cd.at))),
                  h('p', { 'data-hearing': cd.hearing }, cd.description),
                  h('address', null, cd.courtName, cd.address ? [h('br'), cd.address.street, h('br'), `${cd.address.city}, ${cd.address.state} ${cd.address.postalCode}`] : null),
                ),
              ),
            )
          : h('p', null, t('case.noCourt')),
      ),
      c.compensationClaim ? section(t('case.compensation'), h('p', null, c.compensationClaim.statusLabel, ' · ', formatDate(c.compensationClaim.updatedAt, false))) : null,
      c.referrals.length ? section(t('case.referrals'), h('ul', { class: 'plain' }, c.referrals.map((r) => referral(r, reload)))) : null,
      section(
        t('case.messages'),
        c.unreadMessageCount ? h('p', { class: 'meta' }, t('case.unread', { count: c.unreadMessageCount })) : null,
        h(
          'ol',
          { class: 'messages' },
          messages.map((m) =>
            h('li', { class: m.direction === 'FROM_VICTIM' ? 'from-me' : 'to-me' }, h('p', { class: 'meta' }, m.direction === 'FROM_VICTIM' ? t('case.fromMe') : t('case.fromAdvocate'), ' · ', formatDate(m.sentAt)), h('p', null, m.body)),
          ),
        ),
        send,
      ),
      section(
        t('case.timeline'),
        h('ol', { class: 'timeline' }, (c.events ?? []).map((ev) => h('li', null, h('p', { class: 'meta' }, formatDate(ev.at)), h('p', null, h('strong', null, ev.title)), ev.detail ? h('p', null, ev.detail) : null))),
      ),
      h(
        'p',
        { class: 'links' },
        h('a', { href: '/app/feedback' }, c.feedback ? t('feedback.given', { rating: c.feedback.rating, date: formatDate(c.feedback.submittedAt, false) }) : t('case.feedback')),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-secondary',
          onclick: () => void gql('SignOut').finally(() => {
            saveSession(null);
            go('/app/');
          }),
        },
        t('signin.out'),
      ),
    ];
  };
  reload();
  return p;
}

type Referral = MyCaseQuery['myCase'] extends infer C ? (C extends { referrals: (infer R)[] } ? R : never) : never;

function referral(r: Referral, reload: () => void): HTMLElement {
  const head = h('p', null, h('strong', null, r.partner.name), ' · ', r.statusLabel);
  if (r.status !== 'PROPOSED') return h('li', null, head, h('p', { class: 'meta' }, t('case.referral.shared', { share: r.shareLabel })));
  const name = `share-${r.id}`;
  const status = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'form' },
    radios(name, t('case.referral.share', { partner: r.partner.name }), (['NOTHING', 'NAME_AND_CONTACT', 'CASE_SUMMARY'] as const).map((s) => [s, t(`case.share.${s}`)])),
    status,
    h('button', { type: 'submit', class: 'btn' }, t('case.referral.consent')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const share = new FormData(form).get(name) as ReferralShare;
    gql<GiveConsentMutation>('GiveConsent', { referralId: r.id, share }).then(reload, (err) => replace(status, message(errorText(err), 'error')));
  });
  return h('li', null, head, form);
}

export function feedback(go: Go): HTMLElement {
  if (!getToken()) {
    queueMicrotask(() => go('/app/signin'));
    return page(t('feedback.title'));
  }
  const status = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'form' },
    radios('rating', t('feedback.rating'), (['5', '4', '3', '2', '1'] as const).map((n) => [n, t(`feedback.r${n}`)])),
    field('comment', t('feedback.comment'), h('textarea', { name: 'comment', rows: 4, maxlength: 2000 })),
    status,
    h('button', { type: 'submit', class: 'btn' }, t('feedback.submit')),
  );
  const p = page(t('feedback.title'), form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const input = { rating: Number(fd.get('rating')), comment: String(fd.get('comment') ?? '').trim() || null };
    gql<SubmitFeedbackMutation>('SubmitFeedback', { input }).then(
      () => replace(form, message(t('feedback.thanks')), h('p', null, h('a', { href: '/app/case' }, t('case.title')))),
      (err) => {
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') go('/app/signin');
        replace(status, message(errorText(err), 'error'));
      },
    );
  });
  return p;
}
