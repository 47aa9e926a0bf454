import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import { AUTH_RPC_CLIENT, SERVICE_TOKENS_SERVICE, ServiceTokensClient, unary } from '@app/auth-rpc';
import { UpstreamUnavailableError } from '@app/errors';
import { RequestContext } from '@app/request-context';
import { likeConfig, LikeConfig } from '../config';

const ISSUE_TIMEOUT_MS = 1_500;
/** Renew this long before expiry, so a token never expires on its way to the monolith. */
const RENEW_MARGIN_MS = 60_000;

interface CachedToken {
  token: string;
  renewAt: number;
}

/** This service's own token for the monolith's internal routes, obtained from auth and reused until near expiry. */
@Injectable()
export class ServiceTokenProvider implements OnModuleInit {
  private readonly logger = new Logger(ServiceTokenProvider.name);
  private tokens!: ServiceTokensClient;
  private cached?: CachedToken;
  private pending?: Promise<CachedToken>;

  constructor(
    @Inject(AUTH_RPC_CLIENT) private readonly client: ClientGrpc,
    @Inject(likeConfig.KEY) private readonly config: LikeConfig,
    private readonly context: RequestContext,
  ) {}

  onModuleInit(): void {
    this.tokens = this.client.getService<ServiceTokensClient>(SERVICE_TOKENS_SERVICE);
  }

  async token(): Promise<string> {
    if (this.cached && this.cached.renewAt > Date.now()) return this.cached.token;
    // Concurrent requests share one renewal, which belongs to none of them: it runs in a context of its own.
    this.pending ??= this.context
      .runDetached(() => this.issue())
      .finally(() => {
        this.pending = undefined;
      });
    this.cached = await this.pending;
    return this.cached.token;
  }

  /** Forgets the token, e.g. after the monolith refused it. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async issue(): Promise<CachedToken> {
    try {
      const issued = await unary(
        this.tokens.issueServiceToken({
          clientId: this.config.SERVICE_CLIENT_ID,
          clientSecret: this.config.SERVICE_CLIENT_SECRET,
        }),
        ISSUE_TIMEOUT_MS,
      );
      this.logger.log({ expiresIn: issued.expiresIn }, 'Obtained a service token from auth');
      return { token: issued.accessToken, renewAt: Date.now() + issued.expiresIn * 1000 - RENEW_MARGIN_MS };
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not obtain a service token from auth');
      throw new UpstreamUnavailableError();
    }
  }
}
