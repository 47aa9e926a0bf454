import { Module } from '@nestjs/common';
import { TokensModule } from '../tokens';
import { ServiceClients } from './service-clients';
import { ServiceTokensRpcController } from './service-tokens.rpc-controller';

/** The client-credentials exchange for services, over gRPC; nothing here is for other features. */
@Module({
  imports: [TokensModule],
  controllers: [ServiceTokensRpcController],
  providers: [ServiceClients],
})
export class ServiceTokensModule {}
