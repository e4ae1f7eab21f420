import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { freePort } from './redis-server';

export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as it arrived (what a signature covers). */
  body: string;
  receivedAt: number;
}

/** Decides the status code of a call; `index` counts earlier calls to the same path. */
export type Responder = (call: ReceivedCall, index: number) => number;

/**
 * A real HTTP server on a free loopback port that records every POST and answers with the
 * status its responder picks per path (200 unless told otherwise).
 */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  private readonly responders = new Map<string, Responder>();
  private readonly delays = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const port = await freePort();
    let receiver: WebhookReceiver | null = null;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const call: ReceivedCall = {
          path: request.url ?? '/',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        };
        const index = receiver!.callsTo(call.path).length;
        receiver!.calls.push(call);
        const status = (receiver!.responders.get(call.path) ?? (() => 200))(call, index);
        const answer = (): void => {
          if (!response.destroyed) {
            // A redirect points at /elsewhere on this receiver, so a test can see whether it was followed.
            const location = status >= 300 && status < 400 ? { location: '/elsewhere' } : {};
            response
              .writeHead(status, { 'content-type': 'text/plain', ...location })
              .end(status < 300 ? 'ok' : 'not today');
          }
        };
        const delay = receiver!.delays.get(call.path) ?? 0;
        if (delay > 0) setTimeout(answer, delay).unref();
        else answer();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    receiver = new WebhookReceiver(server, port);
    return receiver;
  }

  /** The URL of `path` on this receiver. */
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  respond(path: string, responder: Responder): void {
    this.responders.set(path, responder);
  }

  /** Answers calls to `path` only after `ms` (to make a sender time out). */
  delay(path: string, ms: number): void {
    this.delays.set(path, ms);
  }

  callsTo(path: string): ReceivedCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
