import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

export interface RequestOrigin {
  /** Client address as Express sees it (honours X-Forwarded-For only from trusted proxies). */
  ip: string | null;
}

/** Where the request being served came from, for the audit log. */
export const requestOrigin = new AsyncLocalStorage<RequestOrigin>();

/** Express middleware: runs the rest of the request inside its origin. */
export function requestOriginMiddleware(req: Request, _res: Response, next: NextFunction): void {
  requestOrigin.run({ ip: req.ip ?? null }, next);
}
