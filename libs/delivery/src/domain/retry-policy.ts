import type { DeliveryStatus } from './notification-types';

/** Deliveries to one endpoint that may fail for good in a row before it is disabled (default). */
export const DEFAULT_DISABLE_AFTER = 5;

/** A receiver accepted the call: any 2xx. Redirects are not followed and count as failures. */
export function isAccepted(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300;
}

/**
 * The waits BullMQ's exponential back-off puts between the attempts of a job:
 * base · 2^(n-1) after the n-th failed attempt, scaled as the queue producers scale it.
 */
export function backoffDelays(baseMs: number, attempts: number, scale = 1): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, n) => Math.round(baseMs * scale) * 2 ** n);
}

/** The status of a delivery whose attempt number `attempt` has just failed. */
export function statusAfterFailure(
  attempt: number,
  maxAttempts: number,
): Extract<DeliveryStatus, 'retrying' | 'failed'> {
  return attempt >= maxAttempts ? 'failed' : 'retrying';
}

export interface EndpointHealth {
  /** Deliveries to the endpoint that failed for good since its last success. */
  consecutiveFailures: number;
  disabled: boolean;
}

/**
 * How an endpoint's health changes after one attempt: a success clears the count; a delivery
 * that failed for good adds one, and reaching `disableAfter` disables the endpoint. A failed
 * attempt that will be retried changes nothing yet.
 */
export function healthAfterAttempt(
  before: EndpointHealth,
  outcome: { accepted: boolean; deliveryFailed: boolean },
  disableAfter: number,
): EndpointHealth & { justDisabled: boolean } {
  if (outcome.accepted) return { consecutiveFailures: 0, disabled: before.disabled, justDisabled: false };
  if (!outcome.deliveryFailed) return { ...before, justDisabled: false };
  const consecutiveFailures = before.consecutiveFailures + 1;
  const disabled = before.disabled || consecutiveFailures >= disableAfter;
  return { consecutiveFailures, disabled, justDisabled: disabled && !before.disabled };
}
