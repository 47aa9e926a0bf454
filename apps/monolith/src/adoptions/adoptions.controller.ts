import { Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MysfitIdParams } from '@app/mysfits-contract';
import { AccessTokenGuard, AuthenticatedUser, CurrentUser } from '@app/token-verification';
import { AdoptionsService } from './adoptions.service';
import { AdoptionList, AdoptionResponse } from './dto/adoption.response';

@ApiTags('adoptions')
@ApiBearerAuth()
@UseGuards(AccessTokenGuard)
@Controller()
export class AdoptionsController {
  constructor(private readonly adoptions: AdoptionsService) {}

  @Post('mysfits/:id/adopt')
  async adopt(@Param() params: MysfitIdParams, @CurrentUser() user: AuthenticatedUser): Promise<AdoptionResponse> {
    return AdoptionResponse.from(await this.adoptions.adopt(params.id, user.id));
  }

  @Get('me/adoptions')
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<AdoptionList> {
    const adopted = await this.adoptions.adoptedBy(user.id);
    return { adoptions: adopted.map((entry) => AdoptionResponse.from(entry)) };
  }
}
