import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { communityRegisterStreamId } from '@cx/contracts';
import { requireCommunityInScope } from '../../community-scope';
import { CommunityRegisterRepository } from '../../infrastructure/community-register.repository';
import type { CommunityRegisterView } from './community-register.view';
import { GetCommunityRegister } from './get-community-register.query';

/** Reads the register's stream: the owning service answers from its own truth. */
@QueryHandler(GetCommunityRegister)
export class GetCommunityRegisterHandler implements IQueryHandler<GetCommunityRegister, CommunityRegisterView> {
  constructor(private readonly registers: CommunityRegisterRepository) {}

  async execute({ community, principal }: GetCommunityRegister): Promise<CommunityRegisterView> {
    requireCommunityInScope(principal, community);
    const { state, version } = await this.registers.load(communityRegisterStreamId(community));
    const enrolments = state.status === 'kept' ? [...state.residents.values()] : [];
    return { community, residents: enrolments.length, elderlyCare: enrolments.filter(Boolean).length, version };
  }
}
