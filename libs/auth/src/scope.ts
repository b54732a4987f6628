import type { Principal } from './principal';

/** Where something happens, as far as access goes: the complaint's or activity's region and project. */
export interface Place {
  region: string;
  project: string;
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

/** A caller limited to regions or projects acts only where one of them matches. */
export function mayActOn(principal: Principal, place: Place): boolean {
  const scope = callerScope(principal);
  return scope === null || scope.regions.includes(place.region) || scope.projects.includes(place.project);
}
