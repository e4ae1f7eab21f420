import i18n from 'i18next';
import createClient, { type Middleware } from 'openapi-fetch';
import { fieldProblems, refusalText } from './refusals';
import type { paths } from './schema';
import type { ErrorBody, TokenPair } from './types';

/**
 * A refused or failed request: its message is worded for the user; `body` is what the server said
 * (field names included).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(refusalText(status, body));
  }

  /** Messages per form field, from `fields` or the single `field`. */
  fieldMessages(): Record<string, string> {
    return fieldProblems(this.status, this.body);
  }
}

const REFRESH_KEY = 'kz.refreshToken';
/** Renew the access token when less than this share of its life is left (at most 30 s before expiry). */
const MARGIN_SHARE = 1 / 3;
const MAX_MARGIN_MS = 30_000;

type SessionListener = (signedIn: boolean) => void;

/**
 * Holds the session: the access token in memory, the single-use refresh token in
 * localStorage (so a reload stays signed in). Before a request, an access token close to its
 * expiry is renewed silently (and once more on a 401). Renewal happens only on the way to a
 * request, never on a timer, so a page is not left holding a refresh in flight when it unloads:
 * the server treats a refresh token presented twice as stolen and ends the session. One
 * refresh at a time per browser (Web Locks where available), shared by concurrent callers.
 */
class Session {
  private accessToken: string | null = null;
  private renewAt = 0;
  private refreshing: Promise<boolean> | null = null;
  private listeners = new Set<SessionListener>();

  get token(): string | null {
    return this.accessToken;
  }

  hasRefreshToken(): boolean {
    return localStorage.getItem(REFRESH_KEY) !== null;
  }

  onChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(tokens: TokenPair): void {
    this.accessToken = tokens.accessToken;
    localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    const lifeMs = tokens.expiresIn * 1000;
    this.renewAt = Date.now() + lifeMs - Math.min(lifeMs * MARGIN_SHARE, MAX_MARGIN_MS);
    this.listeners.forEach((l) => l(true));
  }

  end(): void {
    this.accessToken = null;
    localStorage.removeItem(REFRESH_KEY);
    this.listeners.forEach((l) => l(false));
  }

  /**
   * Renews the access token first when it is close to expiry, or when a page has just loaded with
   * only the refresh token: the requests a page load fires together then share one refresh.
   */
  async fresh(): Promise<void> {
    const due = this.accessToken === null ? this.hasRefreshToken() : Date.now() >= this.renewAt;
    if (due) await this.refresh();
  }

  /** Exchanges the stored refresh token for a new pair; false (and signed out) when it is refused. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.locked(() => this.exchange()).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Runs `work` holding the browser-wide refresh lock, so two tabs never present the same token. */
  private locked(work: () => Promise<boolean>): Promise<boolean> {
    if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request('kz.refresh', work);
    return work();
  }

  private async exchange(): Promise<boolean> {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    const response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    }).catch(() => null);
    if (response === null) return false;
    if (!response.ok) {
      this.end();
      return false;
    }
    this.start((await response.json()) as TokenPair);
    return true;
  }
}

export const session = new Session();

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | string[] | undefined | null>;
  /** Public endpoints (sign-in, register) go without the token and never refresh. */
  anonymous?: boolean;
  /** Extra headers, e.g. the Idempotency-Key of a money-moving request. */
  headers?: Record<string, string>;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (!options.anonymous && session.token) headers.Authorization = `Bearer ${session.token}`;
  try {
    return await fetch(`/api${withQuery(path, options.query)}`, { method: options.method ?? 'GET', headers, body });
  } catch {
    // fetch rejects only when no answer came: offline, or the server is down.
    throw new Error(i18n.t('refusals.unreachable'));
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const fallback: ErrorBody = { statusCode: response.status, error: 'error', message: response.statusText };
  const body = (await response.json().catch(() => fallback)) as ErrorBody;
  return new ApiError(response.status, { ...fallback, ...body });
}

/** Calls the API under /api; throws ApiError with the server's message on any non-2xx answer. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  if (!options.anonymous) await session.fresh();
  const sentWith = session.token;
  let response = await send(path, options);
  // A 401 for a token another request has since renewed needs no refresh of its own: send again.
  if (response.status === 401 && !options.anonymous && (session.token !== sentWith || (await session.refresh()))) {
    response = await send(path, options);
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Downloads a file the API serves (e.g. the import template) with the session's token. */
export async function download(path: string, fileName: string): Promise<void> {
  await session.fresh();
  let response = await send(path, {});
  if (response.status === 401 && (await session.refresh())) response = await send(path, {});
  if (!response.ok) throw await errorOf(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Opens a printable page the API serves behind the session (a contract, a payment notice) in a
 * new tab. The tab is opened at once, inside the click, so no popup blocker stops it, and is
 * pointed at the document once it has arrived; it is closed again when the request is refused.
 */
export async function openDocument(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    await session.fresh();
    let response = await send(path, {});
    if (response.status === 401 && (await session.refresh())) response = await send(path, {});
    if (!response.ok) throw await errorOf(response);
    const url = URL.createObjectURL(await response.blob());
    if (tab) tab.location.href = url;
    else window.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/**
 * A fresh Idempotency-Key for one money-moving request. A retry of the same submission sends
 * the same key, so the server applies it once; a refused request stores nothing, so the key
 * may be used again after the user corrects the form.
 */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `portal-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The paths the portal calls signed out (as `anonymous` above): without the token, never refreshing it. */
const ANONYMOUS = new Set<string>([
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/register',
  '/api/auth/confirm',
  '/api/auth/confirm/resend',
  '/api/invitations/accept',
  '/api/legal/documents',
  '/api/taxonomies/{kind}',
  '/api/saved-searches/unsubscribe',
] satisfies (keyof paths)[]);

/**
 * The session's part in every typed call: a fresh token on the way out and, on a 401 for a token
 * that has since been renewed (or can be), the same request once more.
 */
function sessionMiddleware(): Middleware {
  /** Each request in flight: a copy to send again, and the token it went with. */
  const sent = new Map<string, { copy: Request; token: string | null }>();
  return {
    async onRequest({ request, schemaPath, id }) {
      if (ANONYMOUS.has(schemaPath)) return request;
      await session.fresh();
      sent.set(id, { copy: request.clone(), token: session.token });
      if (session.token) request.headers.set('Authorization', `Bearer ${session.token}`);
      return request;
    },
    async onResponse({ response, id }) {
      const first = sent.get(id);
      sent.delete(id);
      if (response.status !== 401 || !first) return response;
      // A 401 for a token another request has since renewed needs no refresh of its own: send again.
      if (session.token === first.token && !(await session.refresh())) return response;
      if (session.token) first.copy.headers.set('Authorization', `Bearer ${session.token}`);
      return fetch(first.copy);
    },
    onError({ id }) {
      sent.delete(id);
      // fetch rejects only when no answer came: offline, or the server is down.
      return new Error(i18n.t('refusals.unreachable'));
    },
  };
}

/**
 * The typed client of the api, generated from its OpenAPI document (`npm run openapi`): paths,
 * parameters, bodies and answers are checked against what the server declares.
 */
export const client = createClient<paths>({ headers: { Accept: 'application/json' } });
client.use(sessionMiddleware());

/**
 * The answer of a typed call, or ApiError with the server's message for any non-2xx answer:
 * `await answer(client.GET('/api/needs/{id}', { params: { path: { id } } }))`.
 */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const fallback: ErrorBody = { statusCode: response.status, error: 'error', message: response.statusText };
    const body = error && typeof error === 'object' ? (error as Partial<ErrorBody>) : {};
    throw new ApiError(response.status, { ...fallback, ...body });
  }
  return data as T;
}
