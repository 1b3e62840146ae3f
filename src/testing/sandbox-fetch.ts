import {
  createSandbox,
  DEFAULT_SANDBOX_API_KEY,
  type Sandbox,
  type SandboxRequest,
} from '../../server/sandbox/index.ts';

export interface SandboxFetch {
  sandbox: Sandbox;
  fetch: typeof fetch;
  /** Every request the app sent, in order. */
  requests: { method: string; path: string; headers: Record<string, string>; body: unknown }[];
}

/**
 * A `fetch` that answers from the real sandbox core in-process, so component tests exercise
 * the same Ontora behaviour (validation, 422 shapes, idempotency, faults) as the e2e suite,
 * without a network. It adds the sandbox key the way the server's gateway does.
 */
export function createSandboxFetch(): SandboxFetch {
  const sandbox = createSandbox({ rateLimit: 100_000 });
  const requests: SandboxFetch['requests'] = [];

  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://app.test');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const bodyText = typeof init.body === 'string' ? init.body : '';
    requests.push({
      method: init.method ?? 'GET',
      path: url.pathname,
      headers,
      body: bodyText ? (JSON.parse(bodyText) as unknown) : undefined,
    });
    const request: SandboxRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: { ...headers, 'x-api-key': DEFAULT_SANDBOX_API_KEY },
      body: Buffer.from(bodyText),
    };
    if (request.path === '/v1/interviews' && !request.query.has('workspace_id')) {
      request.query.set('workspace_id', sandbox.workspaceId);
    }
    const signal = init.signal;
    const result = await sandbox.handle(request);
    if (result.kind === 'drop') throw new TypeError('Failed to fetch');
    if (result.kind === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        signal?.addEventListener('abort', () => {
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        });
      });
    }
    return new Response(result.body === '' ? null : result.body, {
      status: result.status,
      headers: result.headers,
    });
  };

  return { sandbox, fetch: fetchImpl, requests };
}
