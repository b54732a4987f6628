import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ensureDatabase, migrateDatabase } from '@cx/event-store';
import type { MigrationInterface } from 'typeorm';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config';
import { correlationMiddleware } from './correlation';
import { PinoNestLogger } from './logger';
import { LOGGER } from './metrics';
import { createValidationPipe, ProblemDetailsFilter } from './problem-details';

export interface ServiceAppOptions {
  config: ServiceConfig;
  rootModule: DynamicModule;
  migrations: ReadonlyArray<new () => MigrationInterface>;
  title: string;
  description: string;
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
  app.use(correlationMiddleware);
  app.setGlobalPrefix('v1', { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.enableShutdownHooks();

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

/** Starts a service's main(); a failure to start is printed and ends the process with a non-zero code. */
export function runService(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`service failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}
