/** Real HTTP servers on 127.0.0.1 for transport tests: each records what it received. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
export type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen[]) => void;

const servers: Server[] = [];

/** Closes every server opened since the last call (use in afterEach). */
export async function closeAll() {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise((resolve) => {
          s.closeAllConnections();
          s.close(resolve);
        }),
    ),
  );
}

/** A server on 127.0.0.1 that records every request and hands it to `handle`. */
export async function listen(handle: Handler) {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    handle(req, res, seen);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Answers with JSON (or a raw string when `raw` is set). */
export const reply = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  raw = false,
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(raw ? String(body) : JSON.stringify(body));
};
