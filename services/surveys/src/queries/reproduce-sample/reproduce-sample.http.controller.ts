import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { ReproduceSurveySample } from './reproduce-sample.query';
import { SampleReproductionView } from './sample-reproduction.view';

@ApiTags('survey waves')
@Controller('waves')
export class ReproduceSurveySampleController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':waveId/sample/reproduction')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: 'Redo the draw from the stored frame and the recorded seed; compare with the recorded one' })
  @ApiOkResponse({ type: SampleReproductionView })
  reproduce(@Param('waveId', new ParseUUIDPipe()) waveId: string): Promise<SampleReproductionView> {
    return this.queries.execute<ReproduceSurveySample, SampleReproductionView>(new ReproduceSurveySample(waveId));
  }
}
