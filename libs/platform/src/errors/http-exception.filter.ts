import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-errors';
import { RequestValidationError } from './validation';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  field?: string;
  fields?: { field: string; message: string; constraint?: string }[];
  requestId?: string;
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_INVALID_TEXT = '22P02';
const PG_NUMERIC_OUT_OF_RANGE = '22003';
const PG_STRING_TOO_LONG = '22001';

/** One error shape for every response: status, a code, a message, and the field at fault. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = typeof request.id === 'string' ? request.id : undefined;
    if (body.statusCode >= 500) {
      this.logger.error({ msg: 'request failed', requestId: body.requestId, err: exception });
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        error: exception.code,
        message: exception.message,
        field: exception.field,
      };
    }
    if (exception instanceof HttpException) {
      // Express hands Nest a body parser's refusal (e.g. JSON nested too deep) wrapped; ours is the cause.
      if (exception.cause instanceof RequestValidationError) return exception.cause.getResponse() as ErrorBody;
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'object' && raw !== null && 'fields' in raw) {
        return raw as ErrorBody;
      }
      const given = typeof raw === 'string' ? raw : (raw as { message?: unknown }).message;
      const message = Array.isArray(given)
        ? given.map(String).join('; ')
        : typeof given === 'string'
          ? given
          : exception.message;
      return { statusCode: status, error: httpCode(status), message };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code === PG_UNIQUE_VIOLATION) {
        return { statusCode: 409, error: 'conflict', message: 'A record with these values already exists' };
      }
      if (code === PG_INVALID_TEXT || code === PG_NUMERIC_OUT_OF_RANGE || code === PG_STRING_TOO_LONG) {
        return { statusCode: 400, error: 'bad_request', message: 'A value is malformed or out of range' };
      }
    }
    if (isConnectionFailure(exception)) {
      return { statusCode: 503, error: 'unavailable', message: 'The database cannot be reached; try again shortly' };
    }
    return { statusCode: 500, error: 'internal_error', message: 'Internal server error' };
  }
}

/**
 * Whether an error says the database is unreachable or going away (connection refused or
 * reset, administrator shutdown, not accepting connections yet, connection exception class).
 */
function isConnectionFailure(error: unknown): boolean {
  const driver = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  const code = (driver as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08');
}

function httpCode(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name.toLowerCase() : 'error';
}
