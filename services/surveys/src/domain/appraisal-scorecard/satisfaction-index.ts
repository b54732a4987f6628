import type { SurveyAnswerV1 } from '@cx/contracts';

/** Student's t, two-sided 95%, for 1 to 30 degrees of freedom. */
const T_975_TO_30 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985,
  2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658,
  2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: the table to 30, then the Cornish-Fisher
 * expansion in 1/df (error below 3e-6 from 31 on). The same as reporting.t_975 in the projections.
 */
export function t975(df: number): number {
  if (df <= 30) return T_975_TO_30[df - 1];
  return 1.959963984540054 + 2.372271230298562 / df + 2.8224986157396112 / df ** 2 + 2.555849679507722 / df ** 3;
}

/** A 1-5 rating r scores (r − 1) / 4 × 100, a 0-10 rating r × 10; other answers are not scored (null). */
export function answerScore({ type, value }: Pick<SurveyAnswerV1, 'type' | 'value'>): number | null {
  if (type === 'rating_1_5') return ((value as number) - 1) * 25;
  if (type === 'rating_0_10') return (value as number) * 10;
  return null;
}

export interface IndexFigures {
  answers: number;
  /** Mean score; null without answers. */
  index: number | null;
  /** The 95% interval of the mean, mean ± t(0.975, n − 1) × s / √n; null below two answers. */
  ciLow: number | null;
  ciHigh: number | null;
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The index of a set of answer scores and its interval, rounded to two decimals. */
export function indexFigures(scores: readonly number[]): IndexFigures {
  const n = scores.length;
  if (n === 0) return { answers: 0, index: null, ciLow: null, ciHigh: null };
  const mean = scores.reduce((sum, s) => sum + s, 0) / n;
  if (n === 1) return { answers: 1, index: round2(mean), ciLow: null, ciHigh: null };
  const variance = scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / (n - 1);
  const half = (t975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
  return { answers: n, index: round2(mean), ciLow: round2(mean - half), ciHigh: round2(mean + half) };
}
