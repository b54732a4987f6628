import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { RewrapDataKeysCommand } from './rewrap-data-keys.command';
import { DataKeysRewrappedView } from './data-keys-rewrapped.view';

@ApiTags('vault')
@Controller('vault')
export class RewrapDataKeysController {
  constructor(private readonly commands: CommandBus) {}

  @Post('master-key-rotation')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Re-wrap every data key under the active master key (VAULT_ACTIVE_MASTER_KEY); safe to repeat',
  })
  @ApiOkResponse({ type: DataKeysRewrappedView })
  rotate(@CurrentPrincipal() principal: Principal): Promise<DataKeysRewrappedView> {
    return this.commands.execute<RewrapDataKeysCommand, DataKeysRewrappedView>(new RewrapDataKeysCommand(principal));
  }
}
