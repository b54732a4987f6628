import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { namespacedTopic } from '@cx/contracts';
import { KAFKA, PG_POOL, SERVICE_CONFIG, ServiceConfig } from '@cx/platform';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { rebuildProjection } from '../../infrastructure/rebuild/projection-rebuild';
import { projections } from '../../projections/projections';
import { UnknownProjection } from './unknown-projection.error';

export class ProjectionRebuiltView {
  @ApiProperty() projection: string;
  @ApiProperty() applied: number;
  @ApiProperty({ description: 'Invalid messages passed over (the live consumer dead-letters them)' }) skipped: number;
  @ApiProperty({ type: [String] }) tables: string[];
  @ApiProperty() seconds: number;
}

/** The operator's rebuild, as `npm run rebuild` does it: admin only, one at a time per projection (409 else). */
@ApiTags('operations')
@Controller('operations/projections')
export class RebuildProjectionController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Post(':name/rebuild')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Rebuild one projection from its topics into fresh tables and swap them in' })
  @ApiOkResponse({ type: ProjectionRebuiltView })
  async rebuild(@Param('name') name: string): Promise<ProjectionRebuiltView> {
    const projection = projections.find((p) => p.name === name);
    if (!projection)
      throw new UnknownProjection(
        name,
        projections.map((p) => p.name),
      );
    const started = Date.now();
    const result = await rebuildProjection({
      pool: this.pool,
      kafka: this.kafka,
      projection,
      topics: projection.topics.map((topic) => namespacedTopic(topic, this.config.topicNamespace)),
    });
    return { projection: name, ...result, seconds: (Date.now() - started) / 1000 };
  }
}
