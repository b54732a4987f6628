import { namespacedTopic, Topics } from '@cx/contracts';
import { createKafka } from '@cx/messaging';
import { createLogger, loadServiceConfig } from '@cx/platform';
import { verifyDisclosureFromTopic } from './infrastructure/disclosure-verification';

/** `npm run verify-disclosure -- <disclosureId>`: recomputes a disclosure from cx.campaigns.events alone. */
async function main(): Promise<number> {
  const disclosureId = process.argv[2];
  if (!disclosureId || !/^[0-9a-f-]{36}$/i.test(disclosureId)) {
    process.stderr.write('usage: npm run verify-disclosure -- <disclosureId>\n');
    return 2;
  }
  const config = loadServiceConfig('campaigns', 3003);
  const kafka = createKafka(config.kafkaBrokers, 'disclosure-verification', createLogger('verify', config.logLevel));
  const topic = namespacedTopic(Topics.campaigns, config.topicNamespace);
  const result = await verifyDisclosureFromTopic(kafka, topic, disclosureId);
  if (!result) {
    process.stderr.write(`no disclosure ${disclosureId} on ${topic}\n`);
    return 1;
  }
  const { disclosure, recomputed, matches } = result;
  const line = (label: string, frozen: unknown, now: unknown) =>
    `${label.padEnd(16)} disclosed ${JSON.stringify(frozen)}\n${''.padEnd(16)} recomputed ${JSON.stringify(now)}\n`;
  process.stdout.write(
    `disclosure ${disclosureId} of campaign ${disclosure.campaignId}, through position ${disclosure.throughPosition}\n` +
      line('events digest', disclosure.eventsDigest, recomputed.eventsDigest) +
      line('evidence digest', disclosure.evidenceDigest, recomputed.evidenceDigest) +
      line('figures', disclosure.figures, recomputed.figures) +
      (matches
        ? 'MATCH: the topic gives the disclosed figures\n'
        : 'MISMATCH: the topic does not give the disclosed figures\n'),
  );
  return matches ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`verification failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
