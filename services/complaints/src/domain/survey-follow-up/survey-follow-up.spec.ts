import type { SurveyAnswerV1, SurveyResponseRecordedV1 } from '@cx/contracts';
import { DEFAULT_FOLLOW_UP_POLICY, followUpComplaintId, followUpFor } from './survey-follow-up';

const rating = (type: 'rating_1_5' | 'rating_0_10', value: number, dimension = 'complaint_handling'): SurveyAnswerV1 =>
  ({ questionId: 'q_complaints', dimension, stage: 'post_delivery', type, value }) as SurveyAnswerV1;
const response = (changes: Partial<SurveyResponseRecordedV1>) =>
  ({
    responseId: '0b7f7c1e-0a4c-4c3e-9a55-1f6d2b8e9a01',
    subjectId: 'subj_case0001',
    disposition: 'complete',
    answers: [],
    hasFreeText: false,
    freeTextDimensions: [],
    ...changes,
  }) as SurveyResponseRecordedV1;
const follows = (changes: Partial<SurveyResponseRecordedV1>) =>
  followUpFor(response(changes), DEFAULT_FOLLOW_UP_POLICY);

describe('a survey response', () => {
  it('is followed up when complaint handling is rated 2 of 5 or lower, or 4 of 10 or lower', () => {
    expect(follows({ answers: [rating('rating_1_5', 2)] })).toMatchObject({ kind: 'low_complaint_handling_rating' });
    expect(follows({ answers: [rating('rating_0_10', 4)] })).toMatchObject({ kind: 'low_complaint_handling_rating' });
    expect(follows({ answers: [rating('rating_1_5', 3)] })).toBeNull();
    expect(follows({ answers: [rating('rating_0_10', 5)] })).toBeNull();
  });

  it('is not followed up for a low rating of something else', () => {
    expect(follows({ answers: [rating('rating_1_5', 1, 'housing_quality')] })).toBeNull();
  });

  it('is followed up for a free text on complaint handling, not for one on another dimension', () => {
    expect(follows({ hasFreeText: true, freeTextDimensions: ['complaint_handling'] })).toEqual({
      kind: 'free_text_complaint',
    });
    expect(follows({ hasFreeText: true, freeTextDimensions: ['overall'] })).toBeNull();
    expect(follows({ hasFreeText: true, freeTextDimensions: undefined })).toBeNull();
  });

  it('is never followed up without a customer to follow up, or without an interview', () => {
    expect(follows({ subjectId: null, answers: [rating('rating_1_5', 1)] })).toBeNull();
    expect(follows({ disposition: 'refusal' })).toBeNull();
    expect(follows({ disposition: 'partial', answers: [rating('rating_1_5', 1)] })).not.toBeNull();
  });

  it('has one follow-up complaint id, the same every time it is derived', () => {
    const id = followUpComplaintId('0b7f7c1e-0a4c-4c3e-9a55-1f6d2b8e9a01');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(followUpComplaintId('0b7f7c1e-0a4c-4c3e-9a55-1f6d2b8e9a01')).toBe(id);
    expect(followUpComplaintId('0b7f7c1e-0a4c-4c3e-9a55-1f6d2b8e9a02')).not.toBe(id);
  });
});
