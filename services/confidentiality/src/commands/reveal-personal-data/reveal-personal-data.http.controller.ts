import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { SubjectIdPipe } from '../../subject-id.pipe';
import { RevealPersonalDataCommand } from './reveal-personal-data.command';
import { RevealPersonalDataRequest } from './reveal-personal-data.dto';
import { RevealedPersonalDataView } from './revealed-personal-data.view';

@ApiTags('subjects')
@Controller('subjects')
export class RevealPersonalDataController {
  constructor(private readonly commands: CommandBus) {}

  /** A POST: the read is recorded (PersonalDataRevealed), and the purpose stays out of URLs and access logs. */
  @Post(':subjectId/reveal')
  @HttpCode(200)
  @Roles('dpo')
  @ApiOperation({ summary: 'Read personal data unmasked, for a purpose; every such read is an audit event' })
  @ApiOkResponse({ type: RevealedPersonalDataView })
  async reveal(
    @Param('subjectId', SubjectIdPipe) subjectId: string,
    @Body() request: RevealPersonalDataRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RevealedPersonalDataView> {
    const view = await this.commands.execute<RevealPersonalDataCommand, RevealedPersonalDataView>(
      new RevealPersonalDataCommand(subjectId, request, principal),
    );
    response.setHeader('ETag', etag(view.version));
    response.setHeader('Cache-Control', 'no-store');
    return view;
  }
}
