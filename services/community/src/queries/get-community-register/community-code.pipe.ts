import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { ORG_CODE_PATTERN } from '@cx/contracts';

const COMMUNITY_CODE = new RegExp(ORG_CODE_PATTERN);

/** A community in a path is its project code, e.g. `SH-PUDONG-07`. */
@Injectable()
export class CommunityCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!COMMUNITY_CODE.test(value))
      throw new BadRequestException('community must be a project code, e.g. SH-PUDONG-07');
    return value;
  }
}
