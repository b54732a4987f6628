import { ApiProperty } from '@nestjs/swagger';
import { PROBLEM_LINK_KINDS, ProblemLinkKind } from '@cx/contracts';
import { IsIn, IsUUID } from 'class-validator';

export class LinkProblemRequest {
  @ApiProperty({ enum: PROBLEM_LINK_KINDS })
  @IsIn(PROBLEM_LINK_KINDS, { message: `$property must be one of: ${PROBLEM_LINK_KINDS.join(', ')}` })
  linkKind: ProblemLinkKind;

  @ApiProperty({
    format: 'uuid',
    description: 'The complaint’s or the review’s id; recorded as given (this service cannot see complaints)',
  })
  @IsUUID('all')
  linkedId: string;
}
