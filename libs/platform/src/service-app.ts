import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ensureDatabase, migrateDatabase } from '@cx/event-store';
import type { IncomingMessage } from 'node:http';
import type { MigrationInterface } from 'typeorm';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config';
import { securityHeaders, WriteRateLimit, writeRateLimit } from './http-protection';
import { correlationMiddleware } from './correlation';
import { HttpDrain } from './http-drain';
import { PinoNestLogger } from './logger';
import { LOGGER } from './metrics';
import { createValidationPipe, ProblemDetailsFilter } from './problem-details';
import { RejectUnexpectedBody } from './unexpected-body';

export interface ServiceAppOptions {
  config: ServiceConfig;
  rootModule: DynamicModule;
  migrations: ReadonlyArray<new () => MigrationInterface>;
  title: string;
  description: string;
  /** Writes per caller and window; default from RATE_LIMIT_WRITES_PER_MINUTE (600 a minute). */
  writeRateLimit?: WriteRateLimit;
  /** Routes that take bulk bodies (imports); every other route keeps body-parser's 100 kB JSON limit. */
  bulkBodies?: readonly BulkBodyRoute[];
  /** Server-rendered pages outside `/v1`, e.g. `dashboard`: served under `/<pagesPath>` with a page CSP. */
  pagesPath?: string;
}

export interface BulkBodyRoute {
  /** Matches the request path, e.g. /^\/v1\/campaigns\/[^/]+\/roster$/. */
  path: RegExp;
  /** The largest body the route takes, e.g. '32mb'. */
  limit: string;
  /** Media types handed to the controller as raw bytes (a Buffer), e.g. text/csv: it checks the encoding itself. */
  rawMediaTypes?: readonly string[];
}

/**
 * Creates the service's database if needed, runs its migrations, and builds the Nest app with the
 * contract's conventions: routes under /v1, problem+json errors, strict validation, OpenAPI at /docs.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<INestApplication> {
  await ensureDatabase(options.config.databaseUrl);
  await migrateDatabase(options.config.databaseUrl, options.migrations);

  const app = await NestFactory.create<NestExpressApplication>(options.rootModule, { bufferLogs: true });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  app.disable('x-powered-by');
  app.use(app.get(HttpDrain).track);
  app.use(securityHeaders(options.pagesPath === undefined ? undefined : `/${options.pagesPath}`));
  app.use(correlationMiddleware);
  app.use(writeRateLimit(options.writeRateLimit ?? defaultWriteRateLimit()));
  useBulkBodyParsers(app, options.bulkBodies ?? []);
  const pages = options.pagesPath === undefined ? [] : [options.pagesPath, `${options.pagesPath}/{*path}`];
  app.setGlobalPrefix('v1', { exclude: ['health/live', 'health/ready', 'metrics', ...pages] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.useGlobalInterceptors(new RejectUnexpectedBody());
  // SIGTERM: drain HTTP, stop the consumers (offsets committed), flush the relay, close the pool, then exit 0.
  app.enableShutdownHooks([], { useProcessExit: true });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

function defaultWriteRateLimit(): WriteRateLimit {
  const perMinute = Number(process.env.RATE_LIMIT_WRITES_PER_MINUTE ?? 600);
  if (!Number.isInteger(perMinute) || perMinute < 1) {
    throw new Error('RATE_LIMIT_WRITES_PER_MINUTE must be a whole number of at least 1');
  }
  return { limit: perMinute, windowMs: 60_000 };
}

/**
 * Bulk routes get their own parsers, registered before Nest adds its defaults at init. A body is read once:
 * the parser that matches the route and media type reads it, and the later ones let it pass.
 */
function useBulkBodyParsers(app: NestExpressApplication, routes: readonly BulkBodyRoute[]): void {
  if (routes.length === 0) return;
  for (const route of routes) {
    const onRoute = (request: IncomingMessage) => route.path.test((request.url ?? '').split('?')[0]);
    app.useBodyParser('json', {
      limit: route.limit,
      type: (request) => onRoute(request) && mediaTypeOf(request) === 'application/json',
    });
    const raw = route.rawMediaTypes ?? [];
    if (raw.length > 0) {
      app.useBodyParser('raw', {
        limit: route.limit,
        type: (request) => onRoute(request) && raw.includes(mediaTypeOf(request)),
      });
    }
  }
  // Nest adds its default JSON parser only when no JSON parser is registered yet: the other routes need it.
  app.useBodyParser('json');
}

function mediaTypeOf(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Starts a service's main(); a failure to start is printed and ends the process with a non-zero code. */
export function runService(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`service failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}
