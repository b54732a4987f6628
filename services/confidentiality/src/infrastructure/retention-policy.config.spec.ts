import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_RETENTION_POLICY } from '../domain/retention/retention-policy';
import { loadRetentionPolicy } from './retention-policy.config';

const folder = mkdtempSync(path.join(tmpdir(), 'retention-policy-'));
const policyFile = (content: object) => {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(content));
  return { RETENTION_POLICY_FILE: file };
};

describe('the retention policy from configuration', () => {
  it('is the defaults without RETENTION_POLICY_FILE', () => {
    expect(loadRetentionPolicy({})).toEqual(DEFAULT_RETENTION_POLICY);
  });

  it('takes the months a file gives and the defaults for the other categories', () => {
    expect(loadRetentionPolicy(policyFile({ months: { idNumber: 12, email: 24 } }))).toEqual({
      months: { ...DEFAULT_RETENTION_POLICY.months, idNumber: 12, email: 24 },
    });
  });

  it('stops the start listing every problem: unknown categories, months that are not positive whole numbers', () => {
    expect(() =>
      loadRetentionPolicy(policyFile({ months: { wechatId: 6, phone: 0, email: 1.5, name: '36' } })),
    ).toThrow(
      /months\.wechatId is not a category[\s\S]*months\.phone must be[\s\S]*months\.email must be[\s\S]*months\.name must be/,
    );
  });
});
