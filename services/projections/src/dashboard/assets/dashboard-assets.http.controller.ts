import { Controller, Get, NotFoundException, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@cx/auth';
import type { Response } from 'express';
import path from 'node:path';
import { DashboardErrorFilter } from '../dashboard-error.filter';

/** From the service folder: the same in src/ (tests) and dist/ (the built service). */
const PUBLIC_DIR = path.resolve(__dirname, '../../../public');
/** Chart.js's UMD build, served from the installed package: the version pinned in package.json, nothing fetched. */
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');

const ASSET_FILES: Record<string, { file: string; type: string }> = {
  'dashboard.js': { file: path.join(PUBLIC_DIR, 'dashboard.js'), type: 'text/javascript' },
  'dashboard.css': { file: path.join(PUBLIC_DIR, 'dashboard.css'), type: 'text/css' },
  'chart.umd.min.js': { file: CHART_JS, type: 'text/javascript' },
  'favicon.svg': { file: path.join(PUBLIC_DIR, 'favicon.svg'), type: 'image/svg+xml' },
};

/** The dashboard's scripts and styles (no inline ones: the page CSP allows same-origin files only). */
@Public()
@ApiExcludeController()
@UseFilters(DashboardErrorFilter)
@Controller('dashboard/assets')
export class DashboardAssetsController {
  @Get(':file')
  asset(@Param('file') name: string, @Res() response: Response): void {
    const asset = Object.hasOwn(ASSET_FILES, name) ? ASSET_FILES[name] : undefined;
    if (!asset) throw new NotFoundException(`No dashboard asset ${name}.`);
    response.type(asset.type).setHeader('Cache-Control', 'public, max-age=300');
    response.sendFile(asset.file);
  }
}
