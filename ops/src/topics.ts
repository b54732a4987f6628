import { namespacedTopic, Topics } from '@cx/contracts';

/**
 * A service's short name (`complaints`) or a contract topic (`cx.complaints.events`) under the namespace the
 * services use; any other name (a dead-letter topic, an already namespaced one) as it is.
 */
export function resolveTopic(topic: string, namespace: string): string {
  const contracts: Record<string, string> = Topics;
  const contract = contracts[topic] ?? (Object.values(contracts).includes(topic) ? topic : undefined);
  return contract ? namespacedTopic(contract, namespace) : topic;
}

/** Consumer groups are namespaced like the services do it (`<namespace>.<service>`). */
export function resolveGroup(group: string, namespace: string): string {
  return namespace && !group.startsWith(`${namespace}.`) ? `${namespace}.${group}` : group;
}
