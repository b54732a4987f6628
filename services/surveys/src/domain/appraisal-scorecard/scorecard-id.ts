import type { ProjectType } from '@cx/contracts';
import { nameBasedId } from '@cx/domain';

const SCORECARD_NAMESPACE = 'ef3a8511-6102-46e1-9791-f8725135d509';

/** One scorecard per project type and month, by construction: its id is derived from the two. */
export const scorecardIdOf = (projectType: ProjectType, period: string): string =>
  nameBasedId(SCORECARD_NAMESPACE, `${projectType}/${period}`);
