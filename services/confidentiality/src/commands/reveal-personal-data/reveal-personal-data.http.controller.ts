import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { SubjectIdPipe } from '../../subject-id.pipe';
import { GRANT_HOLDER_ROLES } from '../staff-roles';
import { RevealPersonalDataCommand } from './reveal-personal-data.command';
import { RevealPersonalDataRequest } from './reveal-personal-data.dto';
import { RevealedPersonalDataView } from './revealed-personal-data.view';

@ApiTags('subjects')
@Controller('subjects')
export class RevealPersonalDataController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * A POST: the decision is recorded (PersonalDataRevealed or AccessDenied), and the purpose stays out of URLs and
   * access logs. Every role that may hold a grant gets this far; the grant decides, not the role.
   */
  @Post(':subjectId/reveal')
  @HttpCode(200)
  @Roles(...GRANT_HOLDER_ROLES)
  @ApiOperation({
    summary: 'Read personal data unmasked under an approved, unexpired access grant for the purpose; always audited',
  })
  @ApiOkResponse({ type: RevealedPersonalDataView })
  @ApiForbiddenResponse({
    description: '`access-denied`: no grant applies; `reason` says why; recorded as AccessDenied',
  })
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
