/**
 * The dashboard's only way to the server: JSON over `fetch`, errors as `ApiError` (the server's
 * `{statusCode, code, message, diagnostics}`), the write token from localStorage, and job progress
 * as server-sent events.
 */
import type { Diagnostic, JobView } from './types.ts';

const TOKEN_KEY = 'regimes-token';

/** An error the server answered with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

export function getToken(): string {
  return localStorage.getItem(TOKEN_KEY) ?? '';
}

export function setToken(token: string): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** `regimes serve` prints a link with `?token=…` on first start: keep it, and take it out of the address bar. */
export function takeTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  setToken(token);
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}

/** Calls the API. `body` is sent as JSON; the token goes with every request that has a body. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const token = getToken();
  if (method !== 'GET' && token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (err) {
    throw new ApiError(0, 'E_NETWORK', `the server did not answer (${(err as Error).message})`);
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(
      res.status,
      'E_BAD_RESPONSE',
      `the server sent something that is not JSON (HTTP ${res.status})`,
    );
  }
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; diagnostics?: Diagnostic[] };
    throw new ApiError(
      res.status,
      e.code ?? 'E_HTTP',
      e.message ?? `HTTP ${res.status}`,
      e.diagnostics ?? [],
    );
  }
  return data as T;
}

/** Follows a job: calls `onEvent` with each state until it is done or failed. Returns a function that stops following. */
export function followJob(id: string, onEvent: (job: JobView) => void): () => void {
  const source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
  const handle = (e: MessageEvent<string>) => onEvent(JSON.parse(e.data) as JobView);
  for (const type of ['state', 'progress']) source.addEventListener(type, handle as EventListener);
  for (const type of ['done', 'failed']) {
    source.addEventListener(type, ((e: MessageEvent<string>) => {
      handle(e);
      source.close();
    }) as EventListener);
  }
  source.onerror = () => {
    // The stream ends after `done`; anything else: ask once for the job's state.
    if (source.readyState === EventSource.CLOSED) return;
    source.close();
    api<JobView>(`/api/jobs/${encodeURIComponent(id)}`).then(onEvent, () => undefined);
  };
  return () => source.close();
}

/** The address of an export (a plain link: the browser downloads it). */
export function exportUrl(
  kind: 'runs' | 'comparisons',
  id: string,
  format: 'csv' | 'parquet',
  filter: Record<string, string> = {},
): string {
  const q = new URLSearchParams({ format, ...filter });
  return `/api/${kind}/${encodeURIComponent(id)}/export?${q}`;
}

/** Today as YYYY-MM-DD. */
export const today = () => new Date().toISOString().slice(0, 10);
