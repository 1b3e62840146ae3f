/** Node http adapter for the sandbox core: turns SandboxResults into real socket behaviour. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, flatHeaders, readBody, sendJson, splitUrl } from '../http-util.ts';
import { requestIdFrom } from '../request-id.ts';
import { createSandbox, type Sandbox, type SandboxOptions, type SandboxResult } from './core.ts';

export interface SandboxHttpOptions {
  /** Larger bodies get 413. Default 1 MiB. */
  maxBodyBytes?: number;
}

export type NextFunction = (error?: unknown) => void;

export interface SandboxMiddleware {
  (req: IncomingMessage, res: ServerResponse, next?: NextFunction): void;
  /** Ends every connection held open by a `hang` fault (used on shutdown). */
  destroyHanging(): void;
}

export function writeSandboxResult(
  result: SandboxResult,
  req: IncomingMessage,
  res: ServerResponse,
  hanging: Set<ServerResponse>,
): void {
  if (result.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (result.kind === 'hang') {
    // Never answer; the connection ends when the client gives up or the server shuts down.
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
    return;
  }
  res.writeHead(result.status, {
    ...result.headers,
    ...(result.body ? { 'content-length': Buffer.byteLength(result.body) } : {}),
  });
  res.end(result.body);
}

export function sandboxMiddleware(
  sandbox: Sandbox,
  options: SandboxHttpOptions = {},
): SandboxMiddleware {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const hanging = new Set<ServerResponse>();
  const middleware = (req: IncomingMessage, res: ServerResponse, next?: NextFunction) => {
    const { path, search } = splitUrl(req.url);
    const handled = path === '/v1' || path.startsWith('/v1/') || path.startsWith('/__sandbox');
    if (!handled && next) {
      next();
      return;
    }
    readBody(req, maxBodyBytes)
      .then((body) =>
        sandbox.handle({
          method: (req.method ?? 'GET').toUpperCase(),
          path,
          query: new URLSearchParams(search),
          headers: flatHeaders(req.headers),
          body,
        }),
      )
      .then((result) => {
        writeSandboxResult(result, req, res, hanging);
      })
      .catch((error: unknown) => {
        const requestId = requestIdFrom(req.headers['x-request-id']);
        if (res.headersSent) return;
        if (error instanceof BodyTooLargeError) {
          sendJson(
            res,
            413,
            { detail: error.message, code: 'payload_too_large' },
            { 'x-request-id': requestId, connection: 'close' },
          );
          return;
        }
        sendJson(res, 500, { detail: 'Internal Server Error' }, { 'x-request-id': requestId });
      });
  };
  return Object.assign(middleware, {
    destroyHanging: () => {
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
  });
}

export interface SandboxServer {
  server: Server;
  sandbox: Sandbox;
  /** Resolves with the bound base URL, e.g. `http://127.0.0.1:8787`. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** A standalone sandbox (no gateway): the real API that requires a key, plus /__sandbox. */
export function createSandboxServer(
  options: SandboxOptions & SandboxHttpOptions = {},
): SandboxServer {
  const sandbox = createSandbox(options);
  const middleware = sandboxMiddleware(sandbox, options);
  const server = createServer((req, res) => {
    middleware(req, res);
  });
  return {
    server,
    sandbox,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        middleware.destroyHanging();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
