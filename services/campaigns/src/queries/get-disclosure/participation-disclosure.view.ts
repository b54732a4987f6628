import { ApiProperty } from '@nestjs/swagger';

export class DisclosedFigureView {
  @ApiProperty() eligible: number;
  @ApiProperty() participants: number;
}

export class DisclosedFiguresView {
  @ApiProperty({ type: DisclosedFigureView }) all: DisclosedFigureView;
  @ApiProperty({ type: DisclosedFigureView }) employee: DisclosedFigureView;
  @ApiProperty({ type: DisclosedFigureView }) management: DisclosedFigureView;
}

export class SinceFreezeView {
  @ApiProperty({ description: 'Events of the campaign recorded after the freeze (late activities, roster changes)' })
  laterEvents: number;
  @ApiProperty({ description: 'Of them, participation activities' }) lateActivities: number;
  @ApiProperty({ type: DisclosedFiguresView, description: 'The figures counted from every event now' })
  figuresNow: DisclosedFiguresView;
  @ApiProperty({ type: DisclosedFiguresView, description: 'figuresNow minus the disclosed figures' })
  difference: DisclosedFiguresView;
}

export class ParticipationDisclosureView {
  @ApiProperty({ format: 'uuid' }) disclosureId: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'date-time' }) frozenAt: string;
  @ApiProperty({ description: 'Every event of the campaign at or below this position was counted' })
  throughPosition: string;
  @ApiProperty() eventsCounted: number;
  @ApiProperty({ description: 'SHA-256 over the counted events (libs/contracts disclosureEventsDigest)' })
  eventsDigest: string;
  @ApiProperty({ description: 'SHA-256 over the counted person ids (disclosureEvidenceDigest)' })
  evidenceDigest: string;
  @ApiProperty({ example: 'employment_overlaps_period' }) eligibilityRule: string;
  @ApiProperty({ type: DisclosedFiguresView, description: 'The frozen figures: never merged with later events' })
  figures: DisclosedFiguresView;
  @ApiProperty({ type: SinceFreezeView }) sinceFreeze: SinceFreezeView;
}
