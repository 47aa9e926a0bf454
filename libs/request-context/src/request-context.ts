import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CLS_ID, ClsService } from 'nestjs-cls';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * What is known about the request being served, wherever the code runs, without passing it along:
 * kept in AsyncLocalStorage (nestjs-cls) from the HTTP request hook or the gRPC interceptor onwards.
 * Today that is the request id; trace ids join it here, and reach logs and outgoing calls through
 * `logFields()` and `outgoingHeaders()` without any caller changing.
 */
@Injectable()
export class RequestContext {
  /** Runs a function in the async context of start-up, outside every request (made when no request runs). */
  private readonly outsideRequests = AsyncLocalStorage.snapshot();

  constructor(private readonly cls: ClsService) {}

  /** The id of the request being served; undefined outside one (start-up, shutdown, timers). */
  get requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.getId() : undefined;
  }

  /** Fields every log line written while serving the request carries. */
  logFields(): Record<string, string> {
    const requestId = this.requestId;
    return requestId ? { requestId } : {};
  }

  /** HTTP headers (or gRPC metadata) that carry the context on to the services this request calls. */
  outgoingHeaders(): Record<string, string> {
    const requestId = this.requestId;
    return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
  }

  /** Runs `work` in a new context for the request with this id: for servers no hook of this module opens. */
  runFor<T>(requestId: string, work: () => T): T {
    return this.cls.run({ ifNested: 'override' }, () => {
      this.cls.set(CLS_ID, requestId);
      return work();
    });
  }

  /**
   * Runs work that no single request owns, such as renewing a token many requests wait for, outside the
   * request that happens to start it (and whatever else that request's async context holds, such as its
   * logger), in a context of its own with a new id.
   */
  runDetached<T>(work: () => Promise<T>): Promise<T> {
    return this.outsideRequests(() => this.runFor(randomUUID(), work));
  }
}
