import type { ComplaintCategory, ComplaintSeverity, SlaTarget } from '@cx/contracts';
import type { BusinessCalendar, HoursMode } from './business-calendar';

/** The service levels the group commits to; loaded from configuration, passed to the decider. */
export interface SlaPolicy {
  /** Hours per severity and target. */
  targets: Record<ComplaintSeverity, Record<SlaTarget, number>>;
  /** Whether a category's clocks count business hours or calendar hours. */
  hoursMode: Record<ComplaintCategory, HoursMode>;
  calendar: BusinessCalendar;
  /** Share of a target after which the complaint is flagged at risk (0.75 = at 75% of the time). */
  atRiskShare: number;
}

/**
 * Defaults: critical complaints run on calendar hours whatever the category; property services and
 * maintenance (24/7 on site) on calendar hours; the rest on business hours, Mon-Fri 09:00-18:00 Beijing time.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  targets: {
    critical: { acknowledgement: 1, first_response: 4, resolution: 24 },
    high: { acknowledgement: 2, first_response: 8, resolution: 27 },
    medium: { acknowledgement: 4, first_response: 18, resolution: 45 },
    low: { acknowledgement: 8, first_response: 27, resolution: 90 },
  },
  hoursMode: {
    housing_quality: 'business',
    delivery: 'business',
    maintenance: 'calendar',
    property_service: 'calendar',
    sales_contract: 'business',
    other: 'business',
  },
  calendar: {
    utcOffsetMinutes: 480,
    workdays: [1, 2, 3, 4, 5],
    dayStart: '09:00',
    dayEnd: '18:00',
    holidays: [],
  },
  atRiskShare: 0.75,
};

export function hoursModeFor(policy: SlaPolicy, category: ComplaintCategory, severity: ComplaintSeverity): HoursMode {
  return severity === 'critical' ? 'calendar' : policy.hoursMode[category];
}
