import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { InformationAssetsPage, ListInformationAssetsRequest } from './list-information-assets.dto';
import { ListInformationAssets } from './list-information-assets.query';

@ApiTags('information assets')
@Controller('information-assets')
export class ListInformationAssetsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('dpo', 'admin', 'auditor')
  @ApiOperation({ summary: 'The information asset register, most sensitive first; filter by category, level, status' })
  @ApiOkResponse({ type: InformationAssetsPage })
  list(@Query() filter: ListInformationAssetsRequest): Promise<InformationAssetsPage> {
    return this.queries.execute(new ListInformationAssets(filter));
  }
}
