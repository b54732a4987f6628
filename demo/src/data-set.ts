import type {
  ActivityKind,
  AgeGroup,
  CommunityActivityCategory,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  EscalationLevel,
  ResolutionOutcome,
  RootCauseCategory,
} from '@cx/contracts';
import { RESIDENTIAL_STAGES } from '@cx/contracts';
import { addMonths, dayOf, daysIn, groupTime } from './calendar';
import { SeededRandom } from './random';
import * as text from './texts';

export type Scale = 'small' | 'full';

export interface DemoSettings {
  seed: string;
  scale: Scale;
  /** The group month the run belongs to (`YYYY-MM`): last month's campaign and survey, next month's activities. */
  month: string;
}

/** How much of everything: `full` is the demo, `small` the same code path in seconds (tests). */
export const SIZES = {
  full: {
    customersPerProject: 40,
    complaints: 320,
    reviews: 6,
    roster: 3000,
    quotaPerStratum: 5,
    activitiesPerCommunity: 4,
  },
  small: {
    customersPerProject: 3,
    complaints: 30,
    reviews: 2,
    roster: 120,
    quotaPerStratum: 1,
    activitiesPerCommunity: 1,
  },
} as const;

export interface Project {
  code: string;
  region: string;
  name: string;
}

export const PROJECTS: readonly Project[] = [
  { code: 'SH-PUDONG-07', region: 'east-china', name: 'Pudong Riverside' },
  { code: 'HZ-BINJIANG-03', region: 'east-china', name: 'Binjiang Garden' },
  { code: 'NJ-JIANGNING-05', region: 'east-china', name: 'Jiangning Lakeview' },
  { code: 'BJ-CHAOYANG-11', region: 'north-china', name: 'Chaoyang Park Mansion' },
  { code: 'TJ-HEXI-02', region: 'north-china', name: 'Hexi Harbour' },
  { code: 'QD-LAOSHAN-04', region: 'north-china', name: 'Laoshan Bay' },
  { code: 'GZ-TIANHE-02', region: 'south-china', name: 'Tianhe Central' },
  { code: 'SZ-NANSHAN-09', region: 'south-china', name: 'Nanshan Bayside' },
  { code: 'XM-SIMING-06', region: 'south-china', name: 'Siming Seaview' },
  { code: 'CD-JINJIANG-03', region: 'west-china', name: 'Jinjiang Courtyard' },
  { code: 'CQ-YUZHONG-08', region: 'west-china', name: 'Yuzhong Skyline' },
  { code: 'XA-QUJIANG-01', region: 'west-china', name: 'Qujiang Residence' },
];

export const REGIONS = [...new Set(PROJECTS.map((p) => p.region))];
export type ResidentialStage = (typeof RESIDENTIAL_STAGES)[number];

export interface Customer {
  index: number;
  key: string;
  name: string;
  phone: string;
  project: Project;
  stage: ResidentialStage;
  elderlyCare: boolean;
}

/** Where a complaint's handling stands when the loader is done with it; steps are taken in this order. */
export interface ComplaintJourney {
  acknowledge: boolean;
  handlerId?: string;
  respond: boolean;
  escalateTo?: EscalationLevel;
  escalationReason?: string;
  ceoInstruction?: 'issued' | 'reported' | 'accepted';
  resolve?: ResolutionOutcome;
  closeWithSatisfaction?: number;
}

export interface PlannedComplaint {
  index: number;
  key: string;
  customer: number;
  project: Project;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  channel: ComplaintChannel;
  description: string;
  journey: ComplaintJourney;
}

export interface PlannedReview {
  key: string;
  complaint: number;
  reason: string;
  rootCauseCategory: RootCauseCategory;
  businessProblem: string;
  action: { description: string; ownerId: string; dueDate: string };
}

export interface RosterRow {
  personId: string;
  name: string;
  department: string;
  region: string;
  segment: 'employee' | 'management';
  employedFrom: string;
  employedUntil?: string;
}

export interface ActivityRow {
  personId: string;
  kind: ActivityKind;
  date: string;
  customersMet: number;
  scenario: string;
  findings: string[];
}

export interface PlannedCampaign {
  key: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  activityKinds: ActivityKind[];
  roster: RosterRow[];
  /** One bulk upload per region, as the regions' sites submit them. */
  uploads: { key: string; region: string; activities: ActivityRow[] }[];
}

export interface PlannedSurvey {
  questionnaireKey: string;
  questionnaire: { title: string; projectType: 'residential'; questions: text.SurveyQuestion[] };
  waveKey: string;
  period: string;
  drawSeed: string;
  quotaPerStratum: number;
}

export interface PlannedCommunityActivity {
  key: string;
  community: string;
  title: string;
  category: CommunityActivityCategory;
  ageGroups: AgeGroup[];
  venue: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  maxPartySize: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  registrations: { key: string; customer: number; partySize: number }[];
}

export interface DataSet {
  settings: DemoSettings;
  customers: Customer[];
  complaints: PlannedComplaint[];
  reviews: PlannedReview[];
  campaign: PlannedCampaign;
  survey: PlannedSurvey;
  communities: { code: string; residents: number[] }[];
  communityActivities: PlannedCommunityActivity[];
}

/**
 * The whole demo data set, from the seed alone (and the month the run belongs to, for the dated parts).
 * Every create carries an Idempotency-Key made of the seed and the item, so a second run replays.
 */
export function planDataSet(settings: DemoSettings): DataSet {
  const size = SIZES[settings.scale];
  const key = (item: string) => `cx-demo.${settings.seed}.${item}`;
  const customers = planCustomers(settings, size.customersPerProject, key);
  const complaints = planComplaints(settings, customers, size.complaints, key);
  const communities = REGIONS.map((region) => PROJECTS.find((p) => p.region === region)!.code).map((code) => ({
    code,
    residents: customers.filter((c) => c.project.code === code).map((c) => c.index),
  }));
  return {
    settings,
    customers,
    complaints,
    reviews: planReviews(settings, complaints, size.reviews, key),
    campaign: planCampaign(settings, size.roster, key),
    survey: {
      questionnaireKey: key('questionnaire.residential'),
      questionnaire: {
        title: 'Residential satisfaction (monthly)',
        projectType: 'residential',
        questions: text.QUESTIONS,
      },
      waveKey: key(`wave.residential.${addMonths(settings.month, -1)}`),
      period: addMonths(settings.month, -1),
      drawSeed: `demo-${settings.seed}`,
      quotaPerStratum: size.quotaPerStratum,
    },
    communities,
    communityActivities: planCommunityActivities(settings, communities, size.activitiesPerCommunity, key),
  };
}

function planCustomers(settings: DemoSettings, perProject: number, key: (item: string) => string): Customer[] {
  const random = new SeededRandom(settings.seed, 'customers');
  // Distinct mobile numbers for every index (7919 is prime to 10^8), placed by the seed.
  const base = random.int(0, 99_999_999);
  const prefix = random.pick(['135', '136', '137', '138', '139', '150', '158', '186']);
  return PROJECTS.flatMap((project, p) =>
    Array.from({ length: perProject }, (_, i) => {
      const index = p * perProject + i;
      return {
        index,
        key: key(`customer.${index}`),
        name: `${random.pick(text.SURNAMES)} ${random.pick(text.GIVEN_NAMES)}`,
        phone: `${prefix}${String((base + index * 7919) % 100_000_000).padStart(8, '0')}`,
        project,
        stage: random.pick(RESIDENTIAL_STAGES),
        elderlyCare: random.chance(0.15),
      };
    }),
  );
}

type JourneyKind =
  | 'filed'
  | 'acknowledged'
  | 'assigned'
  | 'responded'
  | 'resolved'
  | 'closed'
  | 'escalated'
  | 'escalated_to_ceo'
  | 'ceo_direct';

const JOURNEYS: Record<JourneyKind, number> = {
  filed: 6,
  acknowledged: 8,
  assigned: 11,
  responded: 14,
  resolved: 10,
  closed: 29,
  escalated: 12,
  escalated_to_ceo: 6,
  ceo_direct: 4,
};

function planComplaints(
  settings: DemoSettings,
  customers: Customer[],
  count: number,
  key: (item: string) => string,
): PlannedComplaint[] {
  const random = new SeededRandom(settings.seed, 'complaints');
  const kinds = Object.keys(JOURNEYS) as JourneyKind[];
  return Array.from({ length: count }, (_, index) => {
    // Every journey at least once, however small the scale; then as weighted.
    const kind = index < kinds.length ? kinds[index] : random.weighted(JOURNEYS);
    const customer = random.pick(customers);
    const category = random.weighted(text.CATEGORY_WEIGHTS);
    // Complaints left waiting for acknowledgement are mostly critical: their 1-hour target (minutes with
    // `npm start -- --demo`) runs out on real time.
    const severity: ComplaintSeverity =
      kind === 'filed' && random.chance(0.6) ? 'critical' : random.weighted(text.SEVERITY_WEIGHTS);
    const handlerId = `${customer.project.code.toLowerCase()}.cs${random.int(1, 2)}`;
    return {
      index,
      key: key(`complaint.${index}`),
      customer: customer.index,
      project: customer.project,
      category,
      severity,
      channel: kind === 'ceo_direct' ? 'ceo_direct' : random.weighted(text.CHANNEL_WEIGHTS),
      description: random.pick(text.DESCRIPTIONS[category]),
      journey: journeyOf(kind, handlerId, random),
    };
  });
}

function journeyOf(kind: JourneyKind, handlerId: string, random: SeededRandom): ComplaintJourney {
  const handled = { acknowledge: true, handlerId, respond: true };
  switch (kind) {
    case 'filed':
      return { acknowledge: false, respond: false };
    case 'acknowledged':
      return { acknowledge: true, respond: false };
    case 'assigned':
      return { acknowledge: true, handlerId, respond: false };
    case 'responded':
      return handled;
    case 'resolved':
      return { ...handled, resolve: random.pick(text.OUTCOMES) };
    case 'closed':
      return {
        ...handled,
        resolve: random.pick(text.OUTCOMES),
        closeWithSatisfaction: random.pick([2, 3, 4, 4, 5, 5]),
      };
    case 'escalated':
      return {
        ...handled,
        escalateTo: random.pick(['project', 'region', 'group_service'] as const),
        escalationReason: random.pick(text.ESCALATION_REASONS),
      };
    case 'escalated_to_ceo':
      return {
        ...handled,
        escalateTo: 'ceo_office',
        escalationReason: random.pick(text.ESCALATION_REASONS),
        ceoInstruction: random.pick(['issued', 'reported', 'accepted'] as const),
      };
    case 'ceo_direct':
      return { ...handled, ceoInstruction: random.pick(['issued', 'reported', 'accepted'] as const) };
  }
}

function planReviews(
  settings: DemoSettings,
  complaints: PlannedComplaint[],
  count: number,
  key: (item: string) => string,
): PlannedReview[] {
  const random = new SeededRandom(settings.seed, 'reviews');
  const candidates = complaints.filter((c) => c.journey.escalateTo || c.journey.closeWithSatisfaction === 2);
  return random.sample(candidates, count).map((complaint) => {
    const cause = random.pick(text.ROOT_CAUSES);
    return {
      key: key(`review.${complaint.index}`),
      complaint: complaint.index,
      reason: cause.reason,
      rootCauseCategory: cause.category,
      businessProblem: cause.problem,
      action: {
        description: cause.action,
        ownerId: complaint.journey.handlerId ?? `${complaint.project.code.toLowerCase()}.cs1`,
        // Due at the end of next month: the same body for every run within the month.
        dueDate: dayOf(addMonths(settings.month, 1), daysIn(addMonths(settings.month, 1))),
      },
    };
  });
}

function planCampaign(settings: DemoSettings, rosterSize: number, key: (item: string) => string): PlannedCampaign {
  const random = new SeededRandom(settings.seed, 'campaign');
  const period = addMonths(settings.month, -1);
  const periodStart = dayOf(period, 1);
  const periodEnd = dayOf(period, daysIn(period));
  const activityKinds: ActivityKind[] = ['customer_visit', 'service_experience', 'hotline_shift', 'community_walk'];
  const roster: RosterRow[] = Array.from({ length: rosterSize }, (_, i) => {
    const segment = random.chance(0.12) ? 'management' : 'employee';
    const row: RosterRow = {
      personId: `E${String(10_000 + i).padStart(6, '0')}`,
      name: `${random.pick(text.SURNAMES)} ${random.pick(text.GIVEN_NAMES)}`,
      department: random.pick(text.DEPARTMENTS),
      region: random.pick(REGIONS),
      segment,
      employedFrom: `${random.int(2008, 2024)}-${String(random.int(1, 12)).padStart(2, '0')}-01`,
    };
    const turnover = random.next();
    if (turnover < 0.03) row.employedUntil = dayOf(addMonths(period, -random.int(1, 6)), 15);
    else if (turnover < 0.05) row.employedFrom = dayOf(period, random.int(2, 20));
    else if (turnover < 0.07) row.employedUntil = dayOf(period, random.int(10, 25));
    return row;
  });
  const activities = roster.flatMap((person): ActivityRow[] => {
    if (person.employedUntil && person.employedUntil < periodStart) return [];
    if (!random.chance(person.segment === 'management' ? 0.55 : 0.45)) return [];
    const firstDay = person.employedFrom > periodStart ? Number(person.employedFrom.slice(8)) : 1;
    const lastDay = person.employedUntil ? Number(person.employedUntil.slice(8)) : daysIn(period);
    return Array.from({ length: random.int(1, 3) }, () => {
      const kind = random.pick(activityKinds);
      return {
        personId: person.personId,
        kind,
        date: dayOf(period, random.int(firstDay, lastDay)),
        customersMet: kind === 'service_experience' ? 0 : random.int(1, 8),
        scenario: random.pick(text.SCENARIOS[kind as keyof typeof text.SCENARIOS]),
        findings: random.sample(text.FINDINGS, random.int(0, 2)),
      };
    });
  });
  const personRegion = new Map(roster.map((p) => [p.personId, p.region]));
  return {
    key: key(`campaign.${period}`),
    name: `Six Ones listening campaign ${period}`,
    periodStart,
    periodEnd,
    activityKinds,
    roster,
    uploads: REGIONS.map((region) => ({
      key: key(`campaign.${period}.activities.${region}`),
      region,
      activities: activities.filter((a) => personRegion.get(a.personId) === region),
    })),
  };
}

function planCommunityActivities(
  settings: DemoSettings,
  communities: { code: string; residents: number[] }[],
  perCommunity: number,
  key: (item: string) => string,
): PlannedCommunityActivity[] {
  const random = new SeededRandom(settings.seed, 'community');
  const next = addMonths(settings.month, 1);
  return communities.flatMap(({ code, residents }) =>
    Array.from({ length: perCommunity }, (_, i) => {
      const idea = random.pick(text.COMMUNITY_ACTIVITIES);
      const day = 3 + i * 6 + random.int(0, 3);
      const hour = random.pick([10, 14, 19]);
      const activityKey = key(`community.${next}.${code}.${i}`);
      // A few activities are small on purpose: their latecomers wait for places.
      const capacity = random.chance(0.25) ? random.int(4, 8) : random.int(30, 80);
      return {
        key: activityKey,
        community: code,
        ...idea,
        startsAt: groupTime(next, day, hour),
        endsAt: groupTime(next, day, hour + 2),
        capacity,
        maxPartySize: Math.min(4, capacity),
        registrationOpensAt: groupTime(settings.month, 1, 0),
        registrationClosesAt: groupTime(next, day - 1, 22),
        registrations: residents
          .filter(() => random.chance(0.5))
          .map((customer) => ({
            key: `${activityKey}.registration.${customer}`,
            customer,
            partySize: random.int(1, Math.min(3, capacity)),
          })),
      };
    }),
  );
}
