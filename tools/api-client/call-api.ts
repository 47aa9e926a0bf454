export interface ApiAnswer<T> {
  status: number;
  /** The JSON body; undefined when there is none or it is not JSON. */
  body: T | undefined;
}

export interface ApiCall {
  /** Sent as JSON. */
  body?: object;
  /** An access token, sent as a Bearer token. */
  token?: string;
  timeoutMs?: number;
}

/** One request to the system's JSON API, through the gateway at `base`, whatever the status it answers. */
export async function callApi<T>(
  base: string,
  method: string,
  path: string,
  { body, token, timeoutMs = 30_000 }: ApiCall = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body && JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: T | undefined;
  try {
    parsed = text ? (JSON.parse(text) as T) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed };
}

/** As callApi, for a call that must succeed: any status but 2xx throws, naming the status. */
export async function callApiOk<T>(base: string, method: string, path: string, call: ApiCall = {}): Promise<T> {
  const answer = await callApi<T>(base, method, path, call);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(
      `${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body ?? null).slice(0, 200)}`,
    );
  }
  return answer.body as T;
}
