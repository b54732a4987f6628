import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_CANCELLATION_REASONS,
  AGE_GROUPS,
  type ActivityCancellationReason,
  type AgeGroup,
  COMMUNITY_ACTIVITY_CATEGORIES,
  type CommunityActivityCategory,
} from '@cx/contracts';
import type { PlannedActivity, RegistrationStatus } from '../../domain/community-activity/community-activity.state';
import { placesTaken, waitingLine } from '../../domain/community-activity/waiting-line';

export const ACTIVITY_STATUSES = ['draft', 'published', 'cancelled', 'held'] as const;
export const REGISTRATION_STATUSES = ['confirmed', 'offered', 'waitlisted', 'cancelled', 'offer_expired'] as const;

export class PlacesView {
  @ApiProperty({ description: 'People with confirmed places' }) confirmed: number;
  @ApiProperty({ description: 'People whose places are held by a waitlist offer' }) offered: number;
  @ApiProperty({ description: 'capacity - confirmed - offered' }) free: number;
  @ApiProperty({ description: 'Registrations waiting in line' }) waiting: number;
}

export class RegistrationSummaryView {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ example: 'subj_7Hq2kLm9Xa' }) residentId: string;
  @ApiProperty() partySize: number;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'Place in the order of arrival in the line' })
  waitlistNumber: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) offerExpiresAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) checkedInAt: string | null;
}

export class PhotoView {
  @ApiProperty({ format: 'uuid' }) photoId: string;
  @ApiProperty({ example: 'oss://cx-community/2026/05/lantern-01.jpg' }) reference: string;
}

/** An activity as the API shows it; `version` is also the ETag. Registrations in the order they were made. */
export class CommunityActivityView {
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ example: 'SH-PUDONG-07' }) community: string;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status: (typeof ACTIVITY_STATUSES)[number];
  @ApiProperty() title: string;
  @ApiProperty({ enum: COMMUNITY_ACTIVITY_CATEGORIES }) category: CommunityActivityCategory;
  @ApiProperty({ enum: AGE_GROUPS, isArray: true }) ageGroups: AgeGroup[];
  @ApiProperty() venue: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ description: 'Places, counted in people' }) capacity: number;
  @ApiProperty() maxPartySize: number;
  @ApiProperty({ format: 'date-time' }) registrationOpensAt: string;
  @ApiProperty({ format: 'date-time' }) registrationClosesAt: string;
  @ApiProperty({ format: 'date-time' }) plannedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) publishedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) cancelledAt?: string;
  @ApiPropertyOptional({ enum: ACTIVITY_CANCELLATION_REASONS }) cancellationReason?: ActivityCancellationReason;
  @ApiPropertyOptional({ format: 'date-time', description: 'When attendance was closed' }) closedAt?: string;
  @ApiProperty({ type: PlacesView }) places: PlacesView;
  @ApiProperty({ type: [RegistrationSummaryView] }) registrations: RegistrationSummaryView[];
  @ApiProperty({ type: [PhotoView] }) photos: PhotoView[];
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toCommunityActivityView(state: PlannedActivity, version: number): CommunityActivityView {
  const { confirmed, offered } = placesTaken(state);
  return {
    activityId: state.activityId,
    community: state.community,
    status: state.status,
    ...state.details,
    plannedAt: state.plannedAt,
    ...(state.status !== 'draft' && state.publishedAt ? { publishedAt: state.publishedAt } : {}),
    ...(state.status === 'cancelled'
      ? { cancelledAt: state.cancelledAt, cancellationReason: state.cancellationReason }
      : {}),
    ...(state.status === 'held' ? { closedAt: state.closedAt } : {}),
    places: {
      confirmed,
      offered,
      free: Math.max(0, state.details.capacity - confirmed - offered),
      waiting: waitingLine(state).length,
    },
    registrations: state.registrations.map(
      ({ registrationId, residentId, partySize, status, waitlistNumber, offerExpiresAt, checkedInAt }) => ({
        registrationId,
        residentId,
        partySize,
        status,
        waitlistNumber,
        offerExpiresAt,
        checkedInAt,
      }),
    ),
    photos: state.photos,
    version,
  };
}
