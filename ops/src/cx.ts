import { createKafka, MessagingLogger } from '@cx/messaging';
import { deadLetterTopic } from '@cx/contracts';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CxCommand, parseCommand, REDRIVE_ROUTES, USAGE, UsageError } from './cli-args';
import { deadLetters, formatDeadLetter } from './dlq';
import { formatLag, lagReport } from './lag';
import { tail } from './tail';
import { resolveGroup, resolveTopic } from './topics';

const root = path.resolve(__dirname, '../..');
const out = (line: string) => void process.stdout.write(`${line}\n`);
const err = (line: string) => void process.stderr.write(`${line}\n`);

/** The broker's own warnings and errors, as plain lines on stderr (stdout is for the command's output). */
const stderrLogger: MessagingLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (_, message) => err(`kafka: ${message}`),
  error: (_, message) => err(`kafka: ${message}`),
};

/** `npm run cx -- <command>`: see USAGE. Resolves with the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let command: CxCommand;
  try {
    command = parseCommand(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const namespace = env.KAFKA_TOPIC_NAMESPACE ?? '';
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  const kafka = () => createKafka(brokers, 'cx-cli', stderrLogger);

  switch (command.name) {
    case 'help':
      out(USAGE);
      return 0;
    case 'tail': {
      const shown = await tail(kafka(), {
        topic: resolveTopic(command.topic, namespace),
        filter: { types: command.types, stream: command.stream },
        fromBeginning: command.fromBeginning,
        max: command.max,
        json: command.json,
        write: out,
        until: interrupted(),
      });
      err(`${shown} message(s)`);
      return 0;
    }
    case 'lag': {
      const admin = kafka().admin();
      await admin.connect();
      try {
        const group = command.group && resolveGroup(command.group, namespace);
        out(formatLag(await lagReport(admin, group, namespace)));
      } finally {
        await admin.disconnect();
      }
      return 0;
    }
    case 'dlq-list': {
      const topic = deadLetterTopic(resolveGroup(command.group, namespace));
      const letters = await deadLetters(kafka(), topic);
      for (const letter of letters) out(formatDeadLetter(letter));
      err(`${letters.length} dead letter(s) on ${topic}`);
      return 0;
    }
    case 'dlq-redrive':
      return redrive(command.group, command.url, env);
    case 'rebuild':
      return run(path.join(root, 'services/projections/dist/rebuild.js'), [command.projection], env);
    case 'token':
      return run(path.join(root, 'scripts/token.mjs'), command.args, env);
  }
}

/** Calls the owning service's admin route with a freshly minted admin token; prints its report. */
async function redrive(group: string, url: string, env: NodeJS.ProcessEnv): Promise<number> {
  const token = await capture(path.join(root, 'scripts/token.mjs'), ['--role', 'admin', '--sub', 'cx-cli'], env);
  const response = await fetch(`${url}${REDRIVE_ROUTES[group].path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.trim()}` },
  });
  const body = await response.text();
  (response.ok ? out : err)(body);
  return response.ok ? 0 : 1;
}

function run(script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function capture(script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** Resolves on Ctrl-C or SIGTERM, so a tail leaves its throw-away group cleanly. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      err(`cx: ${error.message}`);
      process.exit(1);
    },
  );
}
