import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

/** Who may call each route: `METHOD /path` as in the OpenAPI document, with the roles allowed, or PUBLIC. */
export type AuthorizationPolicy = Readonly<Record<string, readonly string[]>>;

export const PUBLIC = 'PUBLIC';

export interface AuthorizationMatrixOptions {
  /** Every role the platform knows: each route is called once per role. */
  roles: readonly string[];
  /** A valid bearer token holding just this role. */
  tokenFor: (role: string) => string;
  policy: AuthorizationPolicy;
  /** A well-formed value for a path parameter (a random id, so nothing real is touched). */
  paramValue: (name: string, path: string) => string;
}

export interface MatrixCell {
  route: string;
  role: string;
  status: number;
  expected: 'denied' | 'allowed';
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Calls every route of the app's OpenAPI document with every role (and without a token) and returns what it
 * answered beside what the policy says, so a spec asserts the whole matrix. A route missing from the policy,
 * or a policy entry without a route, is reported too: the policy is the written statement of who may do what.
 */
export async function authorizationMatrix(
  app: INestApplication,
  options: AuthorizationMatrixOptions,
): Promise<{ routes: string[]; unlisted: string[]; stale: string[]; cells: MatrixCell[] }> {
  const http = () => request(app.getHttpServer());
  const document = (await http().get('/docs-json').expect(200)).body as { paths: Record<string, object> };
  const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
    METHODS.filter((m) => m in operations).map((m) => `${m.toUpperCase()} ${path}`),
  );
  const cells: MatrixCell[] = [];
  for (const route of routes) {
    const allowed = options.policy[route];
    if (!allowed) continue;
    const [method, template] = route.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_all, name: string) => options.paramValue(name, template));
    const call = (authorization?: string) => {
      const pending = http()[method.toLowerCase() as (typeof METHODS)[number]](path);
      if (authorization) pending.set('Authorization', authorization);
      return method === 'GET' ? pending : pending.send({});
    };
    const anonymous = await call();
    cells.push({
      route,
      role: '(no token)',
      status: anonymous.status,
      expected: allowed.includes(PUBLIC) ? 'allowed' : 'denied',
    });
    for (const role of options.roles) {
      const response = await call(`Bearer ${options.tokenFor(role)}`);
      const expected = allowed.includes(PUBLIC) || allowed.includes(role) ? 'allowed' : 'denied';
      cells.push({ route, role, status: response.status, expected });
    }
  }
  return {
    routes,
    unlisted: routes.filter((r) => !options.policy[r]),
    stale: Object.keys(options.policy).filter((r) => !routes.includes(r)),
    cells,
  };
}

/**
 * The cells that break the policy: a denied call must answer 401 (no token) or 403; an allowed one must get
 * past authorisation (not 401/403) and must not fail (no 5xx), whatever the empty body makes of it.
 */
export function matrixViolations(cells: readonly MatrixCell[]): string[] {
  return cells
    .filter((c) =>
      c.expected === 'denied'
        ? c.status !== (c.role === '(no token)' ? 401 : 403)
        : c.status === 401 || c.status === 403 || c.status >= 500,
    )
    .map((c) => `${c.route} as ${c.role}: ${c.status} (${c.expected} by the policy)`);
}
