import type { Principal } from './principal';
import { callerScope, mayActOn } from './scope';

const agent = (scope?: string): Principal => ({ sub: 'a-1', name: 'a-1', roles: ['agent'], scope });
const pudong = { region: 'east-china', project: 'SH-PUDONG-07' };

describe('caller scope', () => {
  it('lets a caller without a scope act everywhere', () => {
    expect(callerScope(agent())).toBeNull();
    expect(mayActOn(agent(), pudong)).toBe(true);
  });

  it('lets a caller act in its regions and its projects, nowhere else', () => {
    expect(mayActOn(agent('region:east-china'), pudong)).toBe(true);
    expect(mayActOn(agent('project:SH-PUDONG-07'), pudong)).toBe(true);
    expect(mayActOn(agent('region:south-china project:GZ-TIANHE-02'), pudong)).toBe(false);
    expect(callerScope(agent('region:south-china  project:GZ-TIANHE-02'))).toEqual({
      regions: ['south-china'],
      projects: ['GZ-TIANHE-02'],
    });
  });

  it('matches a place without a region by project only, and one without a project by region only', () => {
    expect(mayActOn(agent('region:east-china'), { project: 'SH-PUDONG-07' })).toBe(false);
    expect(mayActOn(agent('project:SH-PUDONG-07'), { project: 'SH-PUDONG-07' })).toBe(true);
    expect(mayActOn(agent('project:SH-PUDONG-07'), { region: 'east-china' })).toBe(false);
    expect(mayActOn(agent('region:east-china'), { region: 'east-china' })).toBe(true);
    expect(mayActOn(agent(), {})).toBe(true);
    expect(mayActOn(agent(''), { region: 'east-china', project: 'SH-PUDONG-07' })).toBe(false);
  });
});
