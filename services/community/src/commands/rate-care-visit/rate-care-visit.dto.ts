import { ApiProperty } from '@nestjs/swagger';
import { RATING_MAX, RATING_MIN } from '@cx/contracts';
import { IsInt, Max, Min } from 'class-validator';

export class RateCareVisitRequest {
  @ApiProperty({ minimum: RATING_MIN, maximum: RATING_MAX, description: '1 (very dissatisfied) to 5 (very satisfied)' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(RATING_MIN)
  @Max(RATING_MAX)
  rating: number;
}
