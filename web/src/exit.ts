// Quick exit: ends the case session on the server, forgets everything this
// client kept (local and session storage, Cache Storage, the service worker),
// and replaces the current history entry with a neutral page. The client
// never adds history entries of its own (navigation uses replaceState), so
// Back does not return to it either. The neutral page (/recipes/bread, a
// plain recipe served by this server) also answers with Clear-Site-Data.
import { getToken, gql, setToken } from './api';

export const NEUTRAL = '/recipes/bread';

let leaving = false;

export async function quickExit(): Promise<void> {
  if (leaving) return;
  leaving = true;
  // Hide the screen at once, before anything asynchronous.
  document.title = 'Bread';
  document.body.replaceChildren();
  const tasks: Promise<unknown>[] = [];
  // gql reads the token before its first await; keepalive lets the request
  // finish after the page is gone.
  if (getToken()) tasks.push(gql('SignOut', {}, { keepalive: true }).catch(() => undefined));
  setToken(null);
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    /* storage may be disabled */
  }
  navigator.serviceWorker?.controller?.postMessage('forget');
  if ('caches' in self) tasks.push(caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k)))));
  if ('serviceWorker' in navigator) {
    tasks.push(navigator.serviceWorker.getRegistrations().then((rs) => Promise.all(rs.map((r) => r.unregister()))));
  }
  const timeout = new Promise((resolve) => setTimeout(resolve, 1500));
  await Promise.race([Promise.allSettled(tasks), timeout]);
  location.replace(NEUTRAL);
}

// Esc three times within two seconds.
export function listenForEscape(): void {
  let presses: number[] = [];
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const now = Date.now();
    presses = presses.filter((p) => now - p < 2000);
    presses.push(now);
    if (presses.length >= 3) void quickExit();
  });
}
