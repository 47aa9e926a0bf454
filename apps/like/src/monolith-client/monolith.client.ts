import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  BrokenCircuitError,
  CircuitBreakerPolicy,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleType,
  IPolicy,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { errors, Pool } from 'undici';
import { NotFoundError, UpstreamUnavailableError } from '@app/errors';
import { FulfillLikeRequest, fulfillLikePath, LikeResult } from '@app/mysfits-contract';
import { RequestContext } from '@app/request-context';
import { likeConfig, LikeConfig } from '../config';
import { ServiceTokenProvider } from '../service-token';

/**
 * A failure worth another attempt: fulfill-like is idempotent, so repeating it can never count twice.
 * `mayHaveArrived` is false only when the request cannot have reached the monolith (no connection).
 */
class TransientFailure extends Error {
  constructor(
    message: string,
    readonly mayHaveArrived: boolean,
  ) {
    super(message);
  }
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
/** Failures before the request could be sent: the monolith cannot have recorded anything. */
const CONNECT_ERROR_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);
const TRANSIENT_UNDICI_ERRORS = [errors.HeadersTimeoutError, errors.BodyTimeoutError, errors.SocketError];

const NOT_RECORDED = 'The like was not recorded: the mysfits service is unavailable; try again shortly';
const MAYBE_RECORDED =
  'The mysfits service did not confirm the like, which may have been recorded; trying again is safe, a like never counts twice';

/**
 * The like service's only way to the monolith. Every call has a connect timeout and a per-attempt
 * timeout, at most MONOLITH_MAX_ATTEMPTS attempts with jittered exponential backoff, an overall budget,
 * and a circuit breaker that fails fast while the monolith keeps failing: a like that ran out of
 * attempts or out of budget (a monolith that hangs) counts as one failure.
 */
@Injectable()
export class MonolithClient implements OnApplicationShutdown {
  private readonly logger = new Logger(MonolithClient.name);
  private readonly pool: Pool;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly policy: IPolicy;
  private outage = false;

  constructor(
    private readonly serviceTokens: ServiceTokenProvider,
    private readonly context: RequestContext,
    @Inject(likeConfig.KEY) private readonly config: LikeConfig,
  ) {
    this.pool = new Pool(config.MONOLITH_URL, {
      connections: 64,
      connect: { timeout: config.MONOLITH_CONNECT_TIMEOUT_MS },
      headersTimeout: config.MONOLITH_REQUEST_TIMEOUT_MS,
      bodyTimeout: config.MONOLITH_REQUEST_TIMEOUT_MS,
    });
    const transient = handleType(TransientFailure);
    this.breaker = circuitBreaker(transient, {
      halfOpenAfter: config.MONOLITH_BREAKER_HALF_OPEN_AFTER_MS,
      breaker: new ConsecutiveBreaker(config.MONOLITH_BREAKER_FAILURES),
    });
    this.breaker.onBreak(() => this.breakerOpened());
    this.breaker.onReset(() => this.breakerClosed());
    this.policy = wrap(
      timeout(config.MONOLITH_TOTAL_BUDGET_MS, TimeoutStrategy.Aggressive),
      this.breaker,
      retry(transient, {
        maxAttempts: config.MONOLITH_MAX_ATTEMPTS - 1,
        backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }),
      }),
    );
  }

  async fulfillLike(mysfitId: string, userId: string): Promise<LikeResult> {
    const like = { mayHaveArrived: false };
    try {
      // While one like probes whether the monolith is back (half-open), the others fail fast rather than wait on it.
      if (this.breaker.state === CircuitState.HalfOpen) throw new BrokenCircuitError();
      return await this.policy.execute(({ signal }) => this.attempt(mysfitId, { userId }, signal, like));
    } catch (error) {
      if (
        error instanceof TransientFailure ||
        error instanceof BrokenCircuitError ||
        error instanceof TaskCancelledError
      ) {
        throw new UpstreamUnavailableError(like.mayHaveArrived ? MAYBE_RECORDED : NOT_RECORDED);
      }
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  private async attempt(
    mysfitId: string,
    body: FulfillLikeRequest,
    signal: AbortSignal,
    like: { mayHaveArrived: boolean },
  ): Promise<LikeResult> {
    const token = await this.serviceTokens.token();
    // From here on, the monolith may get the request, unless connecting fails: a like cut short by the
    // budget while this attempt is in flight must not be reported as not recorded.
    const arrivedBefore = like.mayHaveArrived;
    like.mayHaveArrived = true;
    let response;
    try {
      response = await this.pool.request({
        method: 'POST',
        path: fulfillLikePath(mysfitId),
        headers: {
          ...this.context.outgoingHeaders(),
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      const failure = transientFailure(error, signal);
      if (!failure) throw error;
      if (!failure.mayHaveArrived) like.mayHaveArrived = arrivedBefore;
      throw failure;
    }
    const payload = (await response.body.json().catch(() => undefined)) as
      (LikeResult & { code?: string; message?: string }) | undefined;
    if (response.statusCode === 200 && payload) return payload;
    if (response.statusCode === 404) {
      throw new NotFoundError(
        payload?.code ?? 'MYSFIT_NOT_FOUND',
        payload?.message ?? `No mysfit has the id ${mysfitId}`,
      );
    }
    if (response.statusCode === 401) {
      // The token may have been issued with a key the monolith has not seen yet: renew and try again.
      this.serviceTokens.invalidate();
      like.mayHaveArrived = arrivedBefore;
      throw new TransientFailure('The monolith refused the service token', false);
    }
    if (RETRYABLE_STATUS.has(response.statusCode)) {
      throw new TransientFailure(`The monolith answered ${response.statusCode}`, true);
    }
    throw new Error(`Unexpected answer from the monolith: ${response.statusCode} ${payload?.code ?? ''}`);
  }

  /** One line for the whole outage, however many likes fail fast meanwhile (a failed probe re-opens quietly). */
  private breakerOpened(): void {
    if (this.outage) return;
    this.outage = true;
    this.logger.warn(
      { halfOpenAfterMs: this.config.MONOLITH_BREAKER_HALF_OPEN_AFTER_MS },
      'The monolith keeps failing: likes fail fast until it answers again',
    );
  }

  private breakerClosed(): void {
    if (!this.outage) return;
    this.outage = false;
    this.logger.warn('The monolith answers again: likes go through');
  }
}

/** The failure worth another attempt that an error of undici is, if it is one. */
function transientFailure(error: unknown, signal: AbortSignal): TransientFailure | undefined {
  const { code, message } = error as { code?: string; message?: string };
  if (error instanceof errors.ConnectTimeoutError || (code && CONNECT_ERROR_CODES.has(code))) {
    return new TransientFailure(message ?? 'No connection to the monolith', false);
  }
  // Out of budget (the monolith hangs): a failure too, not a cancellation the breaker would let pass.
  if (signal.aborted) return new TransientFailure('The like ran out of time', true);
  if (TRANSIENT_UNDICI_ERRORS.some((type) => error instanceof type) || code === 'ECONNRESET' || code === 'EPIPE') {
    return new TransientFailure(message ?? 'The monolith did not answer', true);
  }
  return undefined;
}
