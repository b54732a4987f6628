// `npm run token -- --role ceo_office [--role auditor] [--sub u-1] [--name "…"] [--hours 8]`
// Mints a development bearer token signed with AUTH_JWT_SECRET (or the development default).
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
// Must equal DEV_JWT_SECRET in libs/platform/src/config.ts (a platform spec checks it).
export const DEV_JWT_SECRET = 'cx-dev-secret-not-for-production';
const ROLES = [
  'agent',
  'manager',
  'ceo_office',
  'reviewer',
  'survey_vendor',
  'hr',
  'campaign_admin',
  'community_staff',
  'interviewer',
  'dpo',
  'bi_reader',
  'auditor',
  'admin',
];

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: [] },
    sub: { type: 'string', default: 'dev-user' },
    name: { type: 'string', default: 'Development user' },
    scope: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});
const unknown = values.role.filter((r) => !ROLES.includes(r));
if (values.role.length === 0 || unknown.length > 0) {
  console.error(`usage: npm run token -- --role <role> [--role <role>…]\nroles: ${ROLES.join(', ')}`);
  process.exit(2);
}
const claims = { name: values.name, roles: values.role, ...(values.scope ? { scope: values.scope } : {}) };
const secret = process.env.AUTH_JWT_SECRET ?? DEV_JWT_SECRET;
console.log(
  jwt.sign(claims, secret, {
    algorithm: 'HS256',
    subject: values.sub,
    expiresIn: Number(values.hours) * 3600,
    issuer: process.env.AUTH_JWT_ISSUER ?? 'cx-platform',
    audience: process.env.AUTH_JWT_AUDIENCE ?? 'cx-platform',
  }),
);
