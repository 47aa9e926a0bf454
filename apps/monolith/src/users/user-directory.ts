import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import { LRUCache } from 'lru-cache';
import { AUTH_RPC_CLIENT, unary, USER_DIRECTORY_SERVICE, UserDirectoryClient } from '@app/auth-rpc';
import { monolithConfig, MonolithConfig } from '../config';

const LOOKUP_TIMEOUT_MS = 1_500;
/** Enough for every user active at once; the least recently read names go first. */
const MAX_CACHED_NAMES = 10_000;

/**
 * Display names of users, asked of `auth` over gRPC: the users moved there and this service keeps
 * only their ids. A name found is kept for DISPLAY_NAME_MAX_AGE_SECONDS, the most a name shown here can
 * lag behind auth (auth has no way to change a name today; one that adds it must keep this bound in
 * mind), so reading an adopted mysfit or its comments does not call auth each time. Ids auth does not
 * know are asked again on the next read. Names are decoration, so when auth is slow or down the page
 * still renders, with the names held and without the others, rather than failing.
 */
@Injectable()
export class UserDirectory implements OnModuleInit {
  private readonly logger = new Logger(UserDirectory.name);
  private readonly names: LRUCache<string, string>;
  private directory!: UserDirectoryClient;

  constructor(
    @Inject(AUTH_RPC_CLIENT) private readonly client: ClientGrpc,
    @Inject(monolithConfig.KEY) config: Pick<MonolithConfig, 'DISPLAY_NAME_MAX_AGE_SECONDS'>,
  ) {
    this.names = new LRUCache({
      max: MAX_CACHED_NAMES,
      ttl: config.DISPLAY_NAME_MAX_AGE_SECONDS * 1_000,
      // The clock as it is when the directory is made, rather than as lru-cache found it when first loaded:
      // the same one in production, and the one the unit spec moves.
      perf: performance,
    });
  }

  onModuleInit(): void {
    this.directory = this.client.getService<UserDirectoryClient>(USER_DIRECTORY_SERVICE);
  }

  async displayNames(ids: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const unknown: string[] = [];
    for (const id of new Set(ids)) {
      const name = this.names.get(id);
      if (name === undefined) unknown.push(id);
      else found.set(id, name);
    }
    if (!unknown.length) return found;
    try {
      const response = await unary(this.directory.getUsers({ ids: unknown }), LOOKUP_TIMEOUT_MS);
      for (const user of response.users ?? []) {
        found.set(user.id, user.displayName);
        this.names.set(user.id, user.displayName);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'User names unavailable; answering with those held');
    }
    return found;
  }
}
