import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import type { RedriveReport } from '@cx/messaging';
import { DomainEventsConsumer } from '../../infrastructure/domain-events.consumer';

class StillFailingView {
  @ApiProperty() partition: number;
  @ApiProperty() offset: string;
  @ApiProperty() reason: string;
}

export class RedriveReportView implements RedriveReport {
  @ApiProperty() examined: number;
  @ApiProperty() applied: number;
  @ApiProperty() duplicates: number;
  @ApiProperty() alreadyRedriven: number;
  @ApiProperty({ type: [StillFailingView] }) stillFailing: StillFailingView[];
}

/** After a fix: every dead letter of the projections consumer gets another go; admin only. */
@ApiTags('operations')
@Controller('operations/dead-letters')
export class RedriveDeadLettersController {
  constructor(private readonly consumer: DomainEventsConsumer) {}

  @Post('redrive')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Apply again what the projections consumer dead-lettered; report what still fails' })
  @ApiOkResponse({ type: RedriveReportView })
  redrive(): Promise<RedriveReportView> {
    return this.consumer.consumer.redriveDeadLetters();
  }
}
