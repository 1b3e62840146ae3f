import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApiClient } from '@/lib/api-client';
import { ApiClientProvider } from '@/lib/api-client-context';
import { createQueryClient } from '@/lib/query-client';
import { parseFault } from '../../server/sandbox/faults.ts';
import { createSandboxFetch, type SandboxFetch } from './sandbox-fetch';

export interface RenderWithSandbox extends RenderResult {
  api: SandboxFetch;
  /** Queues a fault in the sandbox (same body as POST /__sandbox/faults). */
  injectFault: (fault: Record<string, unknown>) => Promise<void>;
}

/** Renders `ui` with a fresh QueryClient and an API client backed by an in-process sandbox. */
export function renderWithSandbox(
  ui: ReactNode,
  { timeoutMs = 2000, faults = [] as Record<string, unknown>[] } = {},
): RenderWithSandbox {
  const api = createSandboxFetch();
  // Faults queued before the first render reach the requests made on mount.
  for (const input of faults) {
    const parsed = parseFault(input);
    if (!parsed.ok) throw new Error(`fault not accepted: ${JSON.stringify(parsed.issues)}`);
    api.sandbox.faults.add(parsed.fault);
  }
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const client = createApiClient({ fetch: api.fetch, timeoutMs });
  const result = render(
    <ApiClientProvider client={client}>
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </ApiClientProvider>,
  );
  const injectFault = async (fault: Record<string, unknown>) => {
    const answer = await api.sandbox.handle({
      method: 'POST',
      path: '/__sandbox/faults',
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(fault)),
    });
    if (answer.kind !== 'response' || answer.status !== 201) {
      throw new Error(`fault not accepted: ${JSON.stringify(answer)}`);
    }
  };
  return { ...result, api, injectFault };
}
