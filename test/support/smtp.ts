import { SMTPServer } from 'smtp-server';
import { freePort } from './redis-server';

export interface CapturedMail {
  /** Envelope recipients. */
  to: string[];
  subject: string;
  /** The decoded text body. */
  text: string;
  messageId: string | null;
  raw: string;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-F]{2})/gi, '%25');
  return decodeURIComponent(bytes);
}

/** Just enough MIME for the single-part text messages the platform sends. */
export function parseMail(raw: string, to: string[]): CapturedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return {
    to,
    subject: decodeHeader(headers.get('subject') ?? ''),
    text: text.replace(/\r\n/g, '\n'),
    messageId: headers.get('message-id') ?? null,
    raw,
  };
}

/**
 * A real SMTP server in this process that keeps what it receives. Stop it to make
 * sending fail (connection refused); start it again on the same port.
 */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  private server: SMTPServer | null = null;
  /** Every capture of this process by port, so a helper can find the one SMTP_URL names. */
  private static readonly started = new Map<number, SmtpCapture>();

  private constructor(readonly port: number) {}

  static async start(): Promise<SmtpCapture> {
    const capture = new SmtpCapture(await freePort());
    SmtpCapture.started.set(capture.port, capture);
    await capture.start();
    return capture;
  }

  /** The capture of this process that an SMTP_URL points at, if any. */
  static at(url: string | undefined): SmtpCapture | undefined {
    const port = /^smtp:\/\/127\.0\.0\.1:(\d+)$/.exec(url ?? '')?.[1];
    return port === undefined ? undefined : SmtpCapture.started.get(Number(port));
  }

  /** For SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 500,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((address) => address.address);
          this.messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.on('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Takes one message out of the capture, as a person archives a mail they have dealt with. */
  take(message: CapturedMail): void {
    const index = this.messages.indexOf(message);
    if (index >= 0) this.messages.splice(index, 1);
  }

  messagesTo(address: string): CapturedMail[] {
    return this.messages.filter((message) => message.to.includes(address));
  }
}
