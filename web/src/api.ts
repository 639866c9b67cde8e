// Talks to POST /query with the allow-listed text of the example operations
// (operations.json is `go run . allowlist web/operations/*.graphql`), so the
// client works against a production server limited to that list.
import operations from './operations.json';

const byName = new Map<string, string>();
for (const text of Object.values(operations as Record<string, string>)) {
  const m = /^(?:query|mutation|subscription)\s+(\w+)/.exec(text);
  if (m) byName.set(m[1], text);
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface Result<T> {
  data: T;
  // True when the service worker answered from its saved copy (offline).
  saved: boolean;
}

let token: string | null = null;
let locale = 'en';

export function setToken(t: string | null): void {
  token = t;
}
export function getToken(): string | null {
  return token;
}
export function setLocale(l: string): void {
  locale = l;
}

export async function gql<T, V = Record<string, unknown>>(name: string, variables?: V, init?: RequestInit): Promise<Result<T>> {
  const query = byName.get(name);
  if (!query) throw new Error(`no operation ${name}`);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
    'Accept-Language': locale,
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch('/query', {
      method: 'POST',
      headers,
      body: JSON.stringify({ operationName: name, query, variables: variables ?? {} }),
      credentials: 'omit',
      ...init,
    });
  } catch {
    throw new ApiError('', 'OFFLINE');
  }
  if (res.status === 503 && res.headers.get('X-VS-Offline')) throw new ApiError('', 'OFFLINE');
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError('', 'INTERNAL');
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.message, e.extensions?.code ?? 'INTERNAL', e.extensions?.field);
  }
  if (!body.data) throw new ApiError('', 'INTERNAL');
  return { data: body.data, saved: res.headers.get('X-VS-Offline') === 'saved' };
}
