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
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not today');
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

  callsTo(path: string): ReceivedCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
