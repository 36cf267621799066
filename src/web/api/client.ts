// The one door to the HTTP API: JSON in and out, cookies sent, the CSRF double-submit header on every
// state-changing request, and one error funnel that shows the server's message (already in the user's
// language) and sends an expired session back to sign-in.
import { signInUrl } from '../lib/redirect';
import type { FieldError } from './types';

export const CSRF_COOKIE = 'huiqi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly requestId?: string,
    /** Seconds to wait before trying again, from a rate-limited answer's Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** false when the caller shows the error itself (e.g. a form that renders it inline). */
  notify?: boolean;
  /** false on sign-in itself, where a 401 is an answer, not an expired session. */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

type Notifier = (error: ApiError) => void;

let notifier: Notifier = (error) => console.error(error.message);
let networkErrorMessage = 'Network error';

/** Each app plugs in how it shows errors: antd `message` in the workspace, a light toast in the portal. */
export function setErrorNotifier(next: Notifier, networkMessage: string): void {
  notifier = next;
  networkErrorMessage = networkMessage;
}

/** Reads one cookie from a `document.cookie`-style string. */
export function readCookie(name: string, cookies: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function isStateChanging(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/** The session's CSRF token, fetched when no response has set its cookie yet. */
export async function csrfToken(): Promise<string> {
  const fromCookie = readCookie(CSRF_COOKIE, document.cookie);
  if (fromCookie) return fromCookie;
  // A first visit may post before any response set the cookie; the session endpoint sets it and returns it.
  const response = await fetch('/api/session', { credentials: 'same-origin' });
  const session = (await response.json()) as { csrfToken?: string };
  return readCookie(CSRF_COOKIE, document.cookie) ?? session.csrfToken ?? '';
}

function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<{
      code: string;
      message: string;
      details: FieldError[];
      requestId: string;
    }>;
    return new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? response.statusText,
      body.details ?? [],
      body.requestId,
      retryAfter(response),
    );
  } catch {
    return new ApiError(response.status, `HTTP_${response.status}`, response.statusText);
  }
}

/** Calls the API and resolves with the parsed JSON body (undefined for 204); rejects with an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (isStateChanging(method)) headers[CSRF_HEADER] = await csrfToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    const error = new ApiError(0, 'NETWORK_ERROR', networkErrorMessage);
    if (options.notify !== false && !options.signal?.aborted) notifier(error);
    throw Object.assign(error, { cause });
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await toApiError(response);
  if (response.status === 401 && options.redirectOn401 !== false) {
    window.location.assign(signInUrl(window.location));
    throw error;
  }
  if (options.notify !== false) notifier(error);
  throw error;
}
