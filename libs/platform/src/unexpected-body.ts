import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Observable } from 'rxjs';
import { RequestValidationFailed } from './problem-details';

/**
 * A route that takes no body refuses one (400), like unknown fields elsewhere: a client that sends fields to
 * `…/acknowledgement` believes they are used, and nothing is silently dropped.
 */
@Injectable()
export class RejectUnexpectedBody implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const args: Record<string, { index: number }> =
      Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {};
    const takesBody = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
    const body: unknown = context.switchToHttp().getRequest().body;
    const empty =
      body === undefined ||
      body === null ||
      (typeof body === 'object' && !Buffer.isBuffer(body) && !Array.isArray(body) && Object.keys(body).length === 0);
    if (!takesBody && !empty) {
      throw new RequestValidationFailed([{ field: '(body)', messages: ['this operation takes no body'] }]);
    }
    return next.handle();
  }
}
