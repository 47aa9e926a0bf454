import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MysfitIdParams } from '@app/mysfits-contract';
import { AdoptionsService } from '../adoptions';
import { CatalogueService } from '../catalogue';
import { ListMysfitsQuery } from './dto/list-mysfits.query';
import { MysfitList, MysfitProfile, MysfitSummary } from './dto/mysfit.response';

@ApiTags('mysfits')
@Controller('mysfits')
export class MysfitsController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly adoptions: AdoptionsService,
  ) {}

  @Get()
  async list(@Query() query: ListMysfitsQuery): Promise<MysfitList> {
    const mysfits = await this.catalogue.list(query.filter, query.value);
    return { mysfits: mysfits.map((mysfit) => MysfitSummary.from(mysfit)) };
  }

  @Get(':id')
  async get(@Param() params: MysfitIdParams): Promise<MysfitProfile> {
    const mysfit = await this.catalogue.get(params.id);
    const adopter = mysfit.adopted ? await this.adoptions.adopterOf(mysfit.id) : null;
    return MysfitProfile.from(mysfit, adopter);
  }
}
