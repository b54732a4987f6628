import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { SUBJECT_ID_REGEX } from '@cx/contracts';

/** A route's subject id must look like one (`subj_…`): a phone number or name in a URL is refused, not looked up. */
@Injectable()
export class SubjectIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SUBJECT_ID_REGEX.test(value)) {
      throw new BadRequestException('subjectId must be a subject id: subj_ and 8-64 letters or digits.');
    }
    return value;
  }
}
