import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import { AUTH_RPC_CLIENT, unary, USER_DIRECTORY_SERVICE, UserDirectoryClient } from '@app/auth-rpc';

const LOOKUP_TIMEOUT_MS = 1_500;

/**
 * Display names of users, asked of `auth` over gRPC: the users moved there and this service keeps
 * only their ids. Names are decoration, so when auth is slow or down the page still renders
 * without them rather than failing.
 */
@Injectable()
export class UserDirectory implements OnModuleInit {
  private readonly logger = new Logger(UserDirectory.name);
  private directory!: UserDirectoryClient;

  constructor(@Inject(AUTH_RPC_CLIENT) private readonly client: ClientGrpc) {}

  onModuleInit(): void {
    this.directory = this.client.getService<UserDirectoryClient>(USER_DIRECTORY_SERVICE);
  }

  async displayNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    try {
      const response = await unary(this.directory.getUsers({ ids: unique }), LOOKUP_TIMEOUT_MS);
      return new Map((response.users ?? []).map((user) => [user.id, user.displayName]));
    } catch (error) {
      this.logger.warn({ err: error }, 'User names unavailable; answering without them');
      return new Map();
    }
  }
}
