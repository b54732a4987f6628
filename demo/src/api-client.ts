import { Principal, signToken, TokenSettings } from '@cx/auth';

export const SERVICES = ['complaints', 'surveys', 'campaigns', 'community', 'confidentiality', 'projections'] as const;
export type ServiceName = (typeof SERVICES)[number];
export type ServiceUrls = Record<ServiceName, string>;

/** The contract ports (ARCHITECTURE.md), as `npm start` runs the services (scripts/services.mjs). */
const CONTRACT_PORTS: Record<ServiceName, number> = {
  complaints: 3001,
  surveys: 3002,
  campaigns: 3003,
  community: 3004,
  confidentiality: 3005,
  projections: 3006,
};

/** `<SERVICE>_URL`, else `<SERVICE>_PORT` on localhost (as start.mjs reads it), else the contract port. */
export function serviceUrls(env: NodeJS.ProcessEnv): ServiceUrls {
  const url = (name: ServiceName) => {
    const upper = name.toUpperCase();
    return (env[`${upper}_URL`] ?? `http://127.0.0.1:${env[`${upper}_PORT`] ?? CONTRACT_PORTS[name]}`).replace(
      /\/$/,
      '',
    );
  };
  return Object.fromEntries(SERVICES.map((name) => [name, url(name)])) as ServiceUrls;
}

/** An answer outside 2xx that the caller did not say it expects: the problem+json the service sent. */
export class ApiError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly problem: Record<string, unknown> | null,
  ) {
    super(`${route} answered ${status}${problem?.detail ? `: ${String(problem.detail)}` : ''}`);
  }
}

export interface CallOptions {
  as: Principal;
  body?: unknown;
  idempotencyKey?: string;
  /** The version the caller decided on (`If-Match`). */
  ifMatch?: number;
  /** Statuses answered to the caller rather than thrown (e.g. 409 naming an existing subject). */
  expect?: number[];
}

export interface Answer<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** How long to wait on 503 (the database restarting) before giving up. */
const UNAVAILABLE_RETRIES = 6;

/**
 * The public REST APIs as an internal system calls them: a bearer token per caller, `Idempotency-Key` on creates,
 * `If-Match` on changes; a 429 waits the `Retry-After` it names and sends the same request again (writes are
 * limited per caller and minute), as does a 503.
 */
export class ApiClient {
  private readonly tokens = new Map<string, string>();
  /** Time spent waiting on 429s, for the final report. */
  throttledMs = 0;

  constructor(
    readonly urls: ServiceUrls,
    private readonly tokenSettings: TokenSettings,
    private readonly onThrottled: (service: ServiceName, seconds: number) => void = () => undefined,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  token(principal: Principal): string {
    const cacheKey = `${principal.sub}|${principal.roles.join(',')}`;
    let token = this.tokens.get(cacheKey);
    if (!token) {
      token = signToken(principal, this.tokenSettings, 12 * 3600);
      this.tokens.set(cacheKey, token);
    }
    return token;
  }

  async call<T = Record<string, unknown>>(
    service: ServiceName,
    method: string,
    path: string,
    options: CallOptions,
  ): Promise<Answer<T>> {
    const route = `${method} ${service}${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${this.token(options.as)}` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    let unavailable = 0;
    for (;;) {
      let response: Response;
      try {
        response = await fetch(`${this.urls[service]}${path}`, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
      } catch (error) {
        throw new Error(
          `${service} does not answer at ${this.urls[service]} (${(error as Error).message}); is \`npm start\` running?`,
          { cause: error },
        );
      }
      const text = await response.text();
      const body = text ? JSON.parse(text) : null;
      const wait = Number(response.headers.get('retry-after') ?? 1);
      if (response.status === 429 || (response.status === 503 && unavailable++ < UNAVAILABLE_RETRIES)) {
        if (response.status === 429) {
          this.throttledMs += wait * 1000;
          this.onThrottled(service, wait);
        }
        await this.sleep(wait * 1000);
        continue;
      }
      if (response.ok || options.expect?.includes(response.status)) {
        return { status: response.status, body, replayed: response.headers.get('idempotent-replayed') === 'true' };
      }
      throw new ApiError(route, response.status, body);
    }
  }
}
