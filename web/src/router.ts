/** Hash routing: `#/page?a=1&b=2`. The server serves one page; the address keeps the view. */
import { useEffect, useState } from 'react';

export interface Route {
  page: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [page, query = ''] = h.split('?');
  return { page: page || 'regimes', params: new URLSearchParams(query) };
}

/** The current route, updated when the hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** Goes to a page with parameters. */
export function navigate(page: string, params: Record<string, string | undefined> = {}): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  window.location.hash = `#/${page}${s ? `?${s}` : ''}`;
}

/** Replaces the current route's parameters without a new history entry. */
export function replaceParams(page: string, params: Record<string, string | undefined>): void {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}#/${page}${s ? `?${s}` : ''}`,
  );
}
