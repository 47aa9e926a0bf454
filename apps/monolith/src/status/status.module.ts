import { Module } from '@nestjs/common';
import { StatusController } from './status.controller';
import { StatusService } from './status.service';

/** GET /status/hops: each hop's recent latency and error rate, for the /status.html page. */
@Module({ controllers: [StatusController], providers: [StatusService] })
export class StatusModule {}
