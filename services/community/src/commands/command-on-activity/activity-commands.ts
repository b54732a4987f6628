import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { CommunityActivityView } from '../../queries/get-activity/community-activity.view';
import { GetCommunityActivity } from '../../queries/get-activity/get-activity.query';
import { ActivityRegistrationView } from '../../queries/get-registration/activity-registration.view';
import { GetActivityRegistration } from '../../queries/get-registration/get-registration.query';
import { ActivityCommandInput, CommandOnActivity } from './command-on-activity.command';

/** What every activity controller does: run the command, answer with the activity (or registration) and ETag. */
@Injectable()
export class ActivityCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: ActivityCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<CommunityActivityView> {
    await this.commands.execute(new CommandOnActivity(input, principal, expectedVersion));
    return this.activity(input.activityId, principal, response);
  }

  async activity(activityId: string, principal: Principal, response: Response): Promise<CommunityActivityView> {
    const view = await this.queries.execute<GetCommunityActivity, CommunityActivityView>(
      new GetCommunityActivity(activityId, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }

  async registration(
    activityId: string,
    registrationId: string,
    principal: Principal,
    response: Response,
  ): Promise<ActivityRegistrationView> {
    const view = await this.queries.execute<GetActivityRegistration, ActivityRegistrationView>(
      new GetActivityRegistration(activityId, registrationId, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
