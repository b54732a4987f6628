import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@cx/contracts';
import { ServiceConfig, ServiceRuntimeModule } from '@cx/platform';
import { EscalateComplaintHandler } from './commands/escalate-complaint/escalate-complaint.handler';
import { EscalateComplaintController } from './commands/escalate-complaint/escalate-complaint.http.controller';
import { FileComplaintHandler } from './commands/file-complaint/file-complaint.handler';
import { FileComplaintController } from './commands/file-complaint/file-complaint.http.controller';
import { ResolveComplaintHandler } from './commands/resolve-complaint/resolve-complaint.handler';
import { ResolveComplaintController } from './commands/resolve-complaint/resolve-complaint.http.controller';
import { ComplaintRepository } from './infrastructure/complaint.repository';
import { GetComplaintHandler } from './queries/get-complaint/get-complaint.handler';
import { GetComplaintController } from './queries/get-complaint/get-complaint.http.controller';

const commandHandlers = [FileComplaintHandler, EscalateComplaintHandler, ResolveComplaintHandler];
const queryHandlers = [GetComplaintHandler];
const controllers = [
  FileComplaintController,
  GetComplaintController,
  EscalateComplaintController,
  ResolveComplaintController,
];

@Module({})
export class ComplaintsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ComplaintsModule,
      imports: [CqrsModule.forRoot(), ServiceRuntimeModule.forRoot({ config, publishesTo: Topics.complaints })],
      controllers,
      providers: [ComplaintRepository, ...commandHandlers, ...queryHandlers],
    };
  }
}
