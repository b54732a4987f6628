import type { Principal } from './principal';

/**
 * Where something happens, as far as access goes: a complaint's region and project, a community's project (the
 * community service knows no region of it), a person's HR region (people belong to no project).
 */
export interface Place {
  region?: string;
  project?: string;
}

/** One entry of a token's `scope` claim: `region:<code>` or `project:<code>`, separated by spaces. */
export const SCOPE_ENTRY = /^(region|project):[A-Za-z0-9._-]{1,64}$/;

export interface CallerScope {
  regions: string[];
  projects: string[];
}

/** The regions and projects a caller is limited to, or null when the token sets no limit. */
export function callerScope(principal: Principal): CallerScope | null {
  if (principal.scope === undefined) return null;
  const entries = principal.scope.split(/\s+/).filter(Boolean);
  return {
    regions: entries.filter((e) => e.startsWith('region:')).map((e) => e.slice('region:'.length)),
    projects: entries.filter((e) => e.startsWith('project:')).map((e) => e.slice('project:'.length)),
  };
}

/** A caller limited to regions or projects acts only where one of them matches; a place lacking one never does. */
export function mayActOn(principal: Principal, place: Place): boolean {
  const scope = callerScope(principal);
  if (scope === null) return true;
  return (
    (place.region !== undefined && scope.regions.includes(place.region)) ||
    (place.project !== undefined && scope.projects.includes(place.project))
  );
}
