import { startInfrastructure } from './infrastructure';

/** Starts the suite's own broker and Postgres once; the specs run one after another against them. */
export default async function globalSetup(): Promise<void> {
  // eslint-disable-next-line no-console
  await startInfrastructure((line) => console.log(line));
}
