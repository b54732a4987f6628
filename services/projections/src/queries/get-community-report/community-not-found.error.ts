import { DomainError } from '@cx/domain';

export class CommunityNotFound extends DomainError {
  readonly code = 'REPORT.COMMUNITY_NOT_FOUND';
  readonly kind = 'not_found';

  constructor(community: string) {
    super(`No activity or care service of community ${community} has reached the reports.`, { community });
  }
}
