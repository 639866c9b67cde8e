// Renders the guides' Markdown (the API allows no raw HTML in it) as DOM
// nodes: headings, paragraphs, lists, quotes, emphasis, code and links with
// https:, http:, mailto: and tel: only. Text always becomes text nodes, so
// nothing in a guide can inject markup or script.
import { h, type Child } from './dom';

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

export function inline(text: string): Child[] {
  const out: Child[] = [];
  const re = /(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[2] !== undefined) out.push(h('strong', null, inline(m[2])));
    else if (m[4] !== undefined) out.push(h('em', null, inline(m[4])));
    else if (m[5] !== undefined) out.push(h('code', null, m[5]));
    else if (m[6] !== undefined) {
      const href = m[7];
      if (SAFE_LINK.test(href)) {
        const external = /^https?:/i.test(href);
        out.push(h('a', { href, rel: external ? 'noopener noreferrer' : null }, inline(m[6])));
      } else out.push(...inline(m[6]));
    }
    last = re.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function markdown(src: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list: HTMLElement | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (para.length) frag.appendChild(h('p', null, inline(para.join(' '))));
    para = [];
    if (quote.length) frag.appendChild(h('blockquote', null, h('p', null, inline(quote.join(' ')))));
    quote = [];
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    let m: RegExpExecArray | null;
    if (!line.trim()) {
      flush();
    } else if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
      flush();
      // The page's h1 is the guide's title: its headings start at h2.
      const level = Math.min(6, m[1].length + 1);
      frag.appendChild(h(`h${level}` as 'h2', null, inline(m[2])));
    } else if ((m = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line))) {
      const ordered = /\d/.test(m[1]);
      if (para.length || quote.length) flush();
      if (!list || (list.tagName === 'OL') !== ordered) {
        list = h(ordered ? 'ol' : 'ul');
        frag.appendChild(list);
      }
      list.appendChild(h('li', null, inline(m[2])));
    } else if ((m = /^>\s?(.*)$/.exec(line))) {
      if (para.length) flush();
      quote.push(m[1]);
    } else if (list && /^\s+/.test(raw)) {
      list.lastElementChild?.append(' ', ...inline(line.trim()).map((c) => (typeof c === 'string' ? c : (c as Node))));
    } else {
      if (list || quote.length) flush();
      para.push(line.trim());
    }
  }
  flush();
  return frag;
}
