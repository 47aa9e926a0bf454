import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { StatusReport, StatusService } from './status.service';

/** The figures of the /status.html page (an operator's view, not part of the API). */
@ApiExcludeController()
@Controller('status')
export class StatusController {
  constructor(private readonly status: StatusService) {}

  @Get('hops')
  hops(): Promise<StatusReport> {
    return this.status.report();
  }
}
