import { ApiProperty } from '@nestjs/swagger';
import { CARE_SERVICE_KINDS, COMMUNITY_ACTIVITY_CATEGORIES, ORG_CODE_PATTERN } from '@cx/contracts';
import { IsISO8601, Matches } from 'class-validator';

export class GetCommunityReportRequest {
  @ApiProperty({ example: 'SH-PUDONG-07', description: 'The community’s project code' })
  @Matches(new RegExp(ORG_CODE_PATTERN), { message: 'community must be a project code, e.g. SH-PUDONG-07' })
  community: string;

  @ApiProperty({ example: '2026-05', description: 'A calendar month, Beijing time' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'month must be a month, YYYY-MM' })
  @IsISO8601({ strict: true }, { message: 'month must be a month that exists' })
  month: string;
}

export class ActivityStatsView {
  @ApiProperty({ enum: ['all', ...COMMUNITY_ACTIVITY_CATEGORIES] }) category: string;
  @ApiProperty({ description: 'Published (or held) activities starting in the month; cancelled ones apart' })
  activities: number;
  @ApiProperty() cancelled: number;
  @ApiProperty({ description: 'Places of those activities, in people' }) capacity: number;
  @ApiProperty({ description: 'Confirmed registrations (offers accepted included)' }) registrations: number;
  @ApiProperty({ description: 'People in those registrations' }) registeredPeople: number;
  @ApiProperty({ description: 'Places offered from the waitlist' }) waitlistOffers: number;
  @ApiProperty({ description: 'Activities whose attendance was closed' }) activitiesHeld: number;
  @ApiProperty({ description: 'People registered for the activities held' }) registeredPeopleHeld: number;
  @ApiProperty({ description: 'People checked in at the activities held' }) attendedPeople: number;
  @ApiProperty({ description: 'Confirmed registrations not checked in at the activities held' }) noShows: number;
  @ApiProperty({ nullable: true, type: Number, description: 'attendedPeople / registeredPeopleHeld, unrounded' })
  attendanceRate: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The rate in percent, one decimal place, for display' })
  attendanceRatePercent: string | null;
  @ApiProperty({ description: 'Ratings given by attendees' }) feedback: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean rating (1-5), unrounded' })
  averageRating: number | null;
}

export class CareServiceStatsView {
  @ApiProperty({ enum: ['all', ...CARE_SERVICE_KINDS] }) serviceKind: string;
  @ApiProperty({ description: 'Services requested in the month' }) requests: number;
  @ApiProperty({ description: 'Of them, recurring' }) recurringRequests: number;
  @ApiProperty({ description: 'Visits completed in the month' }) visitsCompleted: number;
  @ApiProperty({ description: 'Ratings of those visits' }) ratings: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean rating (1-5), unrounded' })
  averageRating: number | null;
  @ApiProperty({ description: 'Services ended in the month' }) ended: number;
}

export class CommunityReportView {
  @ApiProperty({ example: 'SH-PUDONG-07' }) community: string;
  @ApiProperty({ example: '2026-05' }) month: string;
  @ApiProperty({ type: [ActivityStatsView], description: '"all" first, then by category' })
  activities: ActivityStatsView[];
  @ApiProperty({ type: [CareServiceStatsView], description: '"all" first, then by service kind' })
  careServices: CareServiceStatsView[];
}
