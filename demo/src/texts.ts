import type {
  AgeGroup,
  CommunityActivityCategory,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  ResolutionOutcome,
  RootCauseCategory,
  SurveyDimension,
} from '@cx/contracts';

/** The words of the demo data: invented names, and staff and customer text in the business's words. */

export const SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'He',
  'Lin',
  'Luo',
  'Gao',
];
export const GIVEN_NAMES = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Lei',
  'Qiang',
  'Yan',
  'Jie',
  'Tao',
  'Ming',
  'Chao',
  'Xiulan',
  'Yong',
  'Hui',
  'Lan',
  'Jun',
  'Ping',
  'Gang',
  'Xin',
  'Yuqing',
  'Haoran',
  'Zihan',
  'Yutong',
];

export const CATEGORY_WEIGHTS: Record<ComplaintCategory, number> = {
  housing_quality: 30,
  delivery: 14,
  maintenance: 22,
  property_service: 20,
  sales_contract: 9,
  other: 5,
};
export const SEVERITY_WEIGHTS: Record<ComplaintSeverity, number> = { low: 25, medium: 45, high: 23, critical: 7 };
export const CHANNEL_WEIGHTS: Record<Exclude<ComplaintChannel, 'ceo_direct' | 'survey_follow_up'>, number> = {
  hotline: 40,
  app: 25,
  email: 8,
  walk_in: 10,
  property_service: 17,
};
export const OUTCOMES: ResolutionOutcome[] = [
  'repaired',
  'repaired',
  'repaired',
  'compensated',
  'explained',
  'declined',
];

export const DESCRIPTIONS: Record<ComplaintCategory, string[]> = {
  housing_quality: [
    'Water seeps through the master bedroom ceiling every time it rains.',
    'Cracks have opened in the living room wall along the window frame.',
    'The bathroom floor drains slowly and water stands by the shower.',
    'Several floor tiles in the kitchen sound hollow and one has cracked.',
    'The balcony door does not close tightly and lets the wind in.',
  ],
  delivery: [
    'The handover date was postponed twice without explanation.',
    'At handover the flat did not match the show flat finishes in the contract.',
    'Handover inspection found the heating not connected.',
    'The parking space promised at handover is still not assigned.',
  ],
  maintenance: [
    'The lift in block 3 has stopped between floors three times this month.',
    'The repair request for the leaking pipe has been open for two weeks.',
    'The entrance intercom has been broken for ten days.',
    'Street lights on the east path are out and residents feel unsafe at night.',
  ],
  property_service: [
    'Rubbish is collected late and the bins overflow at the weekend.',
    'Security let a delivery van park on the fire lane for hours.',
    'Property fees went up without notice to the owners.',
    'The swimming pool opening hours were cut without consultation.',
  ],
  sales_contract: [
    'The contract area differs from the measured area by three square metres.',
    'The sales office promised a school place that the contract does not mention.',
    'Fees for the property certificate were charged twice.',
  ],
  other: [
    'The customer hotline kept me waiting for forty minutes.',
    'Noise from the construction next door starts before 7am.',
  ],
};

export const ESCALATION_REASONS = [
  'Customer not satisfied with the project team response',
  'Repeated repair visits did not fix the problem',
  'Needs a decision above the project on compensation',
  'Several owners in the building affected; regional coordination needed',
  'Media attention: the owners group posted about it',
];

export const CEO_NOTES = [
  'Visit the owner this week, fix the root cause and report back with photos.',
  'Agree a compensation plan with the region and report the decision.',
  'Check every flat of the building for the same defect and report the findings.',
];
export const CEO_REPORTS = [
  'Visited the owner, repaired the defect and checked the neighbouring flats; owner confirmed.',
  'Compensation agreed with the owner and signed; regional team follows up monthly.',
];

export const ROOT_CAUSES: { category: RootCauseCategory; reason: string; problem: string; action: string }[] = [
  {
    category: 'construction_quality',
    reason: 'Seepage recurs across several buildings of the project',
    problem: 'Waterproofing of the roof terraces was not inspected before handover',
    action: 'Add a waterproofing test to the pre-handover checklist of every project',
  },
  {
    category: 'process',
    reason: 'Complaint reached the CEO office after three weeks without a first response',
    problem: 'Hand-offs between the call centre and the project team have no owner',
    action: 'Name an owner for every hand-off and alert at 75% of the response target',
  },
  {
    category: 'communication',
    reason: 'Handover delays were announced too late to the owners',
    problem: 'Delivery schedule changes are not shared with customer service',
    action: 'Share schedule changes with customer service within one working day',
  },
  {
    category: 'supplier',
    reason: 'Same lift model fails in several projects',
    problem: 'Lift maintenance contract has no response time commitment',
    action: 'Renegotiate the lift maintenance contract with a four-hour response time',
  },
];

export const DEPARTMENTS = [
  'Customer Service',
  'Property Services',
  'Sales',
  'Engineering',
  'Design',
  'Finance',
  'Human Resources',
  'Commercial Operations',
];

export const SCENARIOS = {
  customer_visit: [
    'Visited owners of recently delivered flats',
    'Walked the handover route with owners',
    'Met the owners committee',
  ],
  service_experience: ['Went through the repair request process as a customer', 'Called the hotline as a customer'],
  hotline_shift: ['Took calls on the customer hotline for a morning shift', 'Handled callbacks for open complaints'],
  community_walk: ['Walked the community with the property manager', 'Checked public areas at night with security'],
};
export const FINDINGS = [
  'Lobby lights out in block 2',
  'Repair requests are not confirmed by text message',
  'Owners do not know who their property manager is',
  'Parking signs point to a closed entrance',
  'Hotline menu is too long before reaching a person',
  'Playground surface is worn near the swings',
];

export interface SurveyQuestion {
  questionId: string;
  text: string;
  type: 'rating_0_10' | 'rating_1_5' | 'free_text';
  stage: 'contract_signing' | 'delivery' | 'post_delivery';
  dimension: SurveyDimension;
  required: boolean;
}

const stageQuestions = (
  stage: SurveyQuestion['stage'],
  prefix: string,
  dimension: SurveyDimension,
  about: string,
): SurveyQuestion[] => [
  {
    questionId: `${prefix}_overall`,
    text: 'How likely are you to recommend us to friends and family?',
    type: 'rating_0_10',
    stage,
    dimension: 'overall',
    required: true,
  },
  {
    questionId: `${prefix}_service`,
    text: `How satisfied are you with ${about}?`,
    type: 'rating_1_5',
    stage,
    dimension,
    required: true,
  },
  {
    questionId: `${prefix}_complaints`,
    text: 'If you complained, how satisfied are you with how it was handled?',
    type: 'rating_1_5',
    stage,
    dimension: 'complaint_handling',
    required: false,
  },
  {
    questionId: `${prefix}_note`,
    text: 'Anything else you would like to tell us?',
    type: 'free_text',
    stage,
    dimension: 'overall',
    required: false,
  },
];

export const QUESTIONS: SurveyQuestion[] = [
  ...stageQuestions('contract_signing', 'cs', 'sales_service', 'the sales service'),
  ...stageQuestions('delivery', 'dl', 'delivery_service', 'the handover of your home'),
  ...stageQuestions('post_delivery', 'pd', 'property_services', 'the property services'),
];

export const FREE_TEXTS = [
  'The staff were friendly and the lobby is always clean.',
  'Repairs take too long to be scheduled.',
  'Please add more bicycle parking.',
  'The handover inspection was thorough, thank you.',
];

export const COMMUNITY_ACTIVITIES: {
  title: string;
  category: CommunityActivityCategory;
  ageGroups: AgeGroup[];
  venue: string;
}[] = [
  {
    title: 'Mid-autumn lantern riddles',
    category: 'festival',
    ageGroups: ['children', 'adults', 'elderly'],
    venue: 'Central courtyard',
  },
  {
    title: 'Free blood pressure check',
    category: 'health',
    ageGroups: ['adults', 'elderly'],
    venue: 'Clubhouse, room 2',
  },
  { title: 'Weekend painting class', category: 'children', ageGroups: ['children'], venue: 'Clubhouse, activity room' },
  {
    title: 'Smartphone help for seniors',
    category: 'elderly',
    ageGroups: ['elderly'],
    venue: 'Property service centre',
  },
  {
    title: 'Community garden planting day',
    category: 'neighbourhood_co_building',
    ageGroups: ['children', 'adults', 'elderly'],
    venue: 'East garden',
  },
  { title: 'Morning tai chi', category: 'sports', ageGroups: ['adults', 'elderly'], venue: 'Lakeside square' },
  {
    title: 'Neighbourhood clean-up volunteers',
    category: 'volunteer',
    ageGroups: ['teenagers', 'adults'],
    venue: 'North gate',
  },
];
