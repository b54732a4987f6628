import { ApiClient } from './api-client';
import { addMonths } from './calendar';
import { DataSet, DemoSettings, planDataSet } from './data-set';
import { loadCampaign } from './load-campaign';
import { loadComplaints } from './load-complaints';
import { registerCustomers } from './load-customers';
import { loadCommunity } from './load-community';
import { loadSurvey } from './load-survey';
import type { Progress } from './progress';
import { Tally } from './tally';

/** What a run loaded, with the ids to look at and how long it took. */
export interface DemoSummary {
  settings: DemoSettings;
  seconds: number;
  throttledSeconds: number;
  customers: number;
  complaints: {
    filed: number;
    atCeoOffice: number;
    awaitingAcknowledgement: number;
    criticalAwaiting: number;
    /** The critical acknowledgement target of the policy the service runs (1 h by default; minutes in `--demo`). */
    criticalAcknowledgementHours: number | null;
  };
  reviews: number;
  campaign: { campaignId: string; rosterPeople: number; activitiesRecorded: number };
  survey: {
    waveId: string;
    period: string;
    questionnaireId: string;
    responsesAccepted: number;
    lowComplaintRatings: number;
  };
  community: { communities: string[]; month: string; activityIds: string[]; registrations: number; waitlisted: number };
  tally: Tally;
}

/** Loads the data set of these settings through the public APIs; a second run with the same ones adds nothing. */
export async function loadDemo(
  api: ApiClient,
  settings: DemoSettings,
  progress: Progress,
  now = () => Date.now(),
): Promise<DemoSummary> {
  const startedAt = now();
  const data: DataSet = planDataSet(settings);
  const tally = new Tally();
  const subjects = await registerCustomers(api, data.customers, progress, tally);
  const complaints = await loadComplaints(api, data, subjects, progress, tally);
  const campaign = await loadCampaign(api, data.campaign, progress, tally);
  const survey = await loadSurvey(api, data, subjects, progress, tally);
  const community = await loadCommunity(api, data, subjects, progress, tally);
  progress.done();
  const views = [...complaints.values()];
  const awaiting = views.filter((v) => v.status === 'registered');
  const criticalAwaiting = data.complaints
    .filter((c) => c.severity === 'critical')
    .map((c) => complaints.get(c.index)!)
    .filter((v) => awaiting.includes(v));
  return {
    settings,
    seconds: Math.round((now() - startedAt) / 1000),
    throttledSeconds: Math.round(api.throttledMs / 1000),
    customers: data.customers.length,
    complaints: {
      filed: views.length,
      atCeoOffice: views.filter((v) => v.escalationLevel === 'ceo_office').length,
      awaitingAcknowledgement: awaiting.length,
      criticalAwaiting: criticalAwaiting.length,
      criticalAcknowledgementHours:
        criticalAwaiting[0]?.slaClocks.find((c) => c.target === 'acknowledgement')?.hours ?? null,
    },
    reviews: data.reviews.length,
    campaign,
    survey: { ...survey, period: data.survey.period },
    community: {
      ...community,
      communities: data.communities.map((c) => c.code),
      month: addMonths(settings.month, 1),
    },
    tally,
  };
}
