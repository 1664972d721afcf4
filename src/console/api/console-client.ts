// The console's HTTP client: every answer of /console/api is parsed with its schema from
// src/shared/console/console-api.ts (the contract with the central's routes), every change carries
// the `x-console-request` header, and an error answer becomes a ConsoleError with the central's
// code and messages. A 401 SESSION_EXPIRED from any call is announced to the session provider,
// which locks the page (src/console/session/session-context.tsx).
import type { z } from 'zod';
import { CONSOLE_API, CONSOLE_REQUEST_HEADER } from '../../shared/console/console-api';

export interface ConsoleErrorData {
  code: string;
  message: string;
  messageEn?: string;
  field?: string;
}

export class ConsoleError extends Error {
  readonly status: number;
  readonly data: ConsoleErrorData;
  constructor(status: number, data: ConsoleErrorData) {
    super(data.message);
    this.name = 'ConsoleError';
    this.status = status;
    this.data = data;
  }
}

export const isConsoleError = (error: unknown, code?: string): error is ConsoleError =>
  error instanceof ConsoleError && (code === undefined || error.data.code === code);

const expiredListeners = new Set<() => void>();

/** Subscribes to a SESSION_EXPIRED answer from any call; returns the unsubscribe. */
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

function errorOf(status: number, body: unknown): ConsoleError {
  const error = (body as { error?: Partial<ConsoleErrorData> } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ConsoleError(status, {
      code: error.code,
      message: error.message,
      ...(typeof error.messageEn === 'string' ? { messageEn: error.messageEn } : {}),
      ...(typeof error.field === 'string' ? { field: error.field } : {}),
    });
  }
  return new ConsoleError(status, { code: status >= 500 ? 'INTERNAL' : 'HTTP', message: `HTTP ${status}` });
}

interface Request {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Query parameters; empty values are left out. */
  query?: Record<string, string | undefined>;
  body?: unknown;
}

/** Calls `/console/api<path>` and parses the answer with `schema`. */
export async function consoleCall<S extends z.ZodType>(path: string, schema: S, request: Request = {}): Promise<z.output<S>> {
  const method = request.method ?? 'GET';
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) if (value) query.set(key, value);
  const url = `${CONSOLE_API}${path}${query.size > 0 ? `?${query.toString()}` : ''}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CONSOLE_REQUEST_HEADER] = '1';
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
  } catch {
    throw new ConsoleError(0, { code: 'OFFLINE', message: 'Không kết nối được máy chủ trung tâm.', messageEn: 'Cannot reach the central service.' });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = errorOf(response.status, body);
    if (response.status === 401 && error.data.code === 'SESSION_EXPIRED') for (const listener of expiredListeners) listener();
    throw error;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ConsoleError(response.status, {
      code: 'BAD_ANSWER',
      message: 'Máy chủ trung tâm trả lời không đúng dạng; hãy báo quản trị hệ thống.',
      messageEn: 'The central service answered in an unexpected shape; tell the administrator.',
    });
  }
  return parsed.data;
}
