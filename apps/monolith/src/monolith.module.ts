import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ObservabilityModule } from '@app/observability';
import { TokenVerificationModule } from '@app/token-verification';
import { AdoptionEntity } from './adoptions/adoption.entity';
import { AdoptionsController } from './adoptions/adoptions.controller';
import { AdoptionsRepository } from './adoptions/adoptions.repository';
import { AdoptionsService } from './adoptions/adoptions.service';
import { TypeOrmAdoptionsRepository } from './adoptions/typeorm-adoptions.repository';
import { CommentEntity } from './comments/comment.entity';
import { CommentsController } from './comments/comments.controller';
import { CommentsRepository } from './comments/comments.repository';
import { CommentsService } from './comments/comments.service';
import { TypeOrmCommentsRepository } from './comments/typeorm-comments.repository';
import { monolithConfig, MonolithConfig } from './config/monolith.config';
import { appDataSourceOptions } from './database/app-data-source.options';
import { DynamoDbHealthIndicator } from './dynamodb/dynamodb.health';
import { DynamoDbModule } from './dynamodb/dynamodb.module';
import { MonolithReadiness } from './health/monolith-readiness';
import { FulfillLikeController } from './likes/fulfill-like.controller';
import { MysfitsController } from './mysfits/mysfits.controller';
import { MysfitsRepository } from './mysfits/mysfits.repository';
import { MysfitsService } from './mysfits/mysfits.service';
import { DynamoDbMysfitsRepository } from './mysfits/persistence/dynamodb-mysfits.repository';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [monolithConfig] }),
    TypeOrmModule.forRootAsync({
      inject: [monolithConfig.KEY],
      useFactory: (config: MonolithConfig) => appDataSourceOptions(config),
    }),
    TypeOrmModule.forFeature([AdoptionEntity, CommentEntity]),
    DynamoDbModule,
    ObservabilityModule.forRoot({
      service: 'monolith',
      readiness: MonolithReadiness,
      imports: [TerminusModule],
      readinessProviders: [DynamoDbHealthIndicator],
    }),
    TokenVerificationModule.forJwks(),
    UsersModule,
  ],
  controllers: [MysfitsController, FulfillLikeController, AdoptionsController, CommentsController],
  providers: [
    MysfitsService,
    AdoptionsService,
    CommentsService,
    { provide: MysfitsRepository, useClass: DynamoDbMysfitsRepository },
    { provide: AdoptionsRepository, useClass: TypeOrmAdoptionsRepository },
    { provide: CommentsRepository, useClass: TypeOrmCommentsRepository },
  ],
})
export class MonolithModule {}
