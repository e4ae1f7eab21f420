/**
 * Closers of the deliver-only workers the sign-up helper starts (see ensureMailDelivery in
 * apps.ts), kept apart from apps.ts so the test environment can close them without loading Nest.
 */
const closers: (() => Promise<void>)[] = [];

export function onCloseMailDelivery(close: () => Promise<void>): void {
  closers.push(close);
}

/** Stops every deliver-only worker started for this file (before its database is dropped). */
export async function closeMailDelivery(): Promise<void> {
  for (const close of closers.splice(0)) await close();
}
