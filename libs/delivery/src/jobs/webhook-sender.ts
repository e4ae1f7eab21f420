import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { DeliveryConfig } from '../delivery-config';
import { isAccepted } from '../domain/retry-policy';
import { addressRefusal } from '../domain/target-address';

/** One HTTP call as the delivery log records it. */
export interface WebhookCall {
  startedAt: Date;
  durationMs: number;
  /** Null when no answer came. */
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

const EXCERPT_CHARS = 500;

/**
 * Makes webhook calls with Node's fetch: a deadline on the whole exchange, redirects not
 * followed (a redirect could lead anywhere), and the target's addresses checked against the
 * SSRF rules just before each call. A host could still resolve differently for the call
 * itself (DNS rebinding); a deployment that must close that gap routes webhooks through an
 * egress proxy.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly config: DeliveryConfig) {}

  async post(url: string, body: string, headers: Record<string, string>): Promise<WebhookCall> {
    const startedAt = new Date();
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const timeoutMs = this.config.settings.WEBHOOK_TIMEOUT_MS;
    try {
      await this.checkTarget(url);
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const excerpt = await readExcerpt(response);
      return {
        startedAt,
        durationMs: elapsed(),
        statusCode: response.status,
        error: isAccepted(response.status) ? null : `the receiver answered HTTP ${response.status}`,
        responseExcerpt: excerpt,
      };
    } catch (error) {
      return {
        startedAt,
        durationMs: elapsed(),
        statusCode: null,
        error: describe(error, timeoutMs),
        responseExcerpt: null,
      };
    }
  }

  private async checkTarget(url: string): Promise<void> {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    for (const address of addresses) {
      const refusal = addressRefusal(address, this.config.targetPolicy);
      if (refusal) throw new TargetRefusedError(`${host} resolves to ${refusal}`);
    }
  }
}

class TargetRefusedError extends Error {}

async function readExcerpt(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < EXCERPT_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.length > 0 ? text.slice(0, EXCERPT_CHARS) : null;
}

/** The error of a call that got no answer, in words. Duck-typed: fetch's errors may come from another realm. */
function describe(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  if (error instanceof TargetRefusedError) return `target not allowed: ${error.message}`;
  const causeMessage = (cause as { message?: unknown } | undefined)?.message;
  const text = typeof message === 'string' ? message : String(error);
  return (typeof causeMessage === 'string' ? `${text}: ${causeMessage}` : text).slice(0, 1_000);
}
