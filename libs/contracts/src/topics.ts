/** One topic per service (ARCHITECTURE.md); key = stream id, infinite retention. */
export const Topics = {
  complaints: 'cx.complaints.events',
  surveys: 'cx.surveys.events',
  campaigns: 'cx.campaigns.events',
  community: 'cx.community.events',
  confidentiality: 'cx.confidentiality.events',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Where a consumer group parks what it cannot handle. */
export function deadLetterTopic(consumerGroup: string): string {
  return `cx.dlq.${consumerGroup}`;
}

/**
 * Tests run side by side on one broker; a namespace prefix keeps their topics apart.
 * Production leaves it empty, so topic names are exactly the contract's.
 */
export function namespacedTopic(topic: string, namespace = ''): string {
  return namespace ? `${namespace}.${topic}` : topic;
}
