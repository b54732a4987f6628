import { Controller, Get, HttpCode, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@cx/auth';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
const CHECK_TIMEOUT_MS = 3_000;

@Injectable()
export class Readiness {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  async report(): Promise<{ ready: boolean; checks: Record<string, string> }> {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          await withTimeout(c.check(), CHECK_TIMEOUT_MS);
          return [c.name, 'up'] as const;
        } catch (error) {
          return [c.name, `down: ${(error as Error).message}`] as const;
        }
      }),
    );
    return { ready: results.every(([, status]) => status === 'up'), checks: Object.fromEntries(results) };
  }
}

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'up' };
  }

  /** Ready = the database and Kafka answer. */
  @Public()
  @Get('ready')
  async ready() {
    const report = await this.readiness.report();
    if (!report.ready) throw new ServiceUnavailableException(JSON.stringify(report.checks));
    return { status: 'up', checks: report.checks };
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]);
}
