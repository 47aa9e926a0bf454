import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequestId } from '@app/http-kit';
import { MysfitIdParams } from '@app/mysfits-contract';
import { AdoptionsService } from '../adoptions/adoptions.service';
import { ListMysfitsQuery } from './dto/list-mysfits.query';
import { MysfitList, MysfitProfile, MysfitSummary } from './dto/mysfit.response';
import { MysfitsService } from './mysfits.service';

@ApiTags('mysfits')
@Controller('mysfits')
export class MysfitsController {
  constructor(
    private readonly mysfits: MysfitsService,
    private readonly adoptions: AdoptionsService,
  ) {}

  @Get()
  async list(@Query() query: ListMysfitsQuery): Promise<MysfitList> {
    const mysfits = await this.mysfits.list(query.filter, query.value);
    return { mysfits: mysfits.map((mysfit) => MysfitSummary.from(mysfit)) };
  }

  @Get(':id')
  async get(@Param() params: MysfitIdParams, @RequestId() requestId: string): Promise<MysfitProfile> {
    const mysfit = await this.mysfits.get(params.id);
    const adopter = mysfit.adopted ? await this.adoptions.adopterOf(mysfit.id, requestId) : null;
    return MysfitProfile.from(mysfit, adopter);
  }
}
