import type { ErrorBody, TokenPair } from './types';

/** A refused or failed request, with the API's error body (field names included). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }

  /** Messages per form field, from `fields` or the single `field`. */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.body.fields ?? []) out[f.field] = f.message;
    if (this.body.field && !out[this.body.field]) out[this.body.field] = this.body.message;
    return out;
  }
}

const REFRESH_KEY = 'kz.refreshToken';
/** Refresh this long before the access token runs out, so a request never meets an expired one. */
const REFRESH_MARGIN_MS = 30_000;

type SessionListener = (signedIn: boolean) => void;

/**
 * Holds the session: the access token in memory, the single-use refresh token in
 * localStorage (so a reload stays signed in). Refreshes silently before the access token
 * expires and once more on a 401; concurrent callers share one refresh.
 */
class Session {
  private accessToken: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
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
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(tokens.expiresIn * 1000 - REFRESH_MARGIN_MS, 5_000);
    this.timer = setTimeout(() => void this.refresh(), delay);
    this.listeners.forEach((l) => l(true));
  }

  end(): void {
    this.accessToken = null;
    localStorage.removeItem(REFRESH_KEY);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.forEach((l) => l(false));
  }

  /** Exchanges the stored refresh token for a new pair; false (and signed out) when it is refused. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.exchange().finally(() => (this.refreshing = null));
    return this.refreshing;
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
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (!options.anonymous && session.token) headers.Authorization = `Bearer ${session.token}`;
  return fetch(`/api${withQuery(path, options.query)}`, { method: options.method ?? 'GET', headers, body });
}

async function errorOf(response: Response): Promise<ApiError> {
  const fallback: ErrorBody = { statusCode: response.status, error: 'error', message: response.statusText };
  const body = (await response.json().catch(() => fallback)) as ErrorBody;
  return new ApiError(response.status, { ...fallback, ...body });
}

/** Calls the API under /api; throws ApiError with the server's message on any non-2xx answer. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 401 && !options.anonymous && (await session.refresh())) {
    response = await send(path, options);
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Downloads a file the API serves (e.g. the import template) with the session's token. */
export async function download(path: string, fileName: string): Promise<void> {
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
