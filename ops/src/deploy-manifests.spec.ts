import { PATH_METADATA } from '@nestjs/common/constants';
import { HealthController } from '@cx/platform';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { parseAllDocuments } from 'yaml';

const root = path.resolve(__dirname, '../..');
const k8s = path.join(root, 'deploy/k8s');

/** scripts/services.mjs is an ES module; Node reads it as `npm start` does. */
const services: Array<{ name: string; port: number }> = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import { services } from './scripts/services.mjs'; console.log(JSON.stringify(services))",
    ],
    { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } },
  ).toString(),
);

type Manifest = { apiVersion: string; kind: string; metadata: { name: string } } & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function readYaml(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'), { merge: true });
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list) {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
  }
  return list.map((document) => document.toJSON());
}

/** The Kubernetes API schemas (OpenAPI, as kubeconform uses them) of every kind deploy/k8s may hold. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
};

describe('Kubernetes manifests (deploy/k8s)', () => {
  const files = readdirSync(k8s).filter((f) => f.endsWith('.yaml'));
  const kustomization = readYaml(path.join(k8s, 'kustomization.yaml'))[0] as {
    kind: string;
    apiVersion: string;
    resources: string[];
    images: Array<{ name: string }>;
  };
  const manifests = kustomization.resources.flatMap((file) => readYaml(path.join(k8s, file)) as Manifest[]);
  const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

  it('is one kustomization that lists every manifest file there', () => {
    expect(kustomization).toMatchObject({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' });
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml').sort());
  });

  it('holds only resources that validate against the Kubernetes API schemas', () => {
    for (const manifest of manifests) {
      const Model = models[`${manifest.apiVersion}/${manifest.kind}`];
      expect({ kind: `${manifest.apiVersion}/${manifest.kind}`, known: Model !== undefined }).toEqual({
        kind: `${manifest.apiVersion}/${manifest.kind}`,
        known: true,
      });
      expect(() => new Model(manifest as never).validate()).not.toThrow();
    }
  });

  it('catches a malformed Deployment (the schema check is not a formality)', () => {
    const deployment = structuredClone(find('Deployment', services[0].name)) as Manifest;
    deployment.spec.template.spec.containers[0].readinessProbe.httpGet = { path: '/health/ready' };
    expect(() => new Deployment(deployment as never).validate()).toThrow(
      /readinessProbe\/httpGet must have required property port/,
    );
    deployment.spec.replicas = 'two';
    expect(() => new Deployment(deployment as never).validate()).toThrow(/spec\/replicas must be integer/);
  });

  it('has a Deployment and a Service for every service in scripts/services.mjs, and for nothing else', () => {
    const names = services.map((s) => s.name).sort();
    expect(
      manifests
        .filter((m) => m.kind === 'Deployment')
        .map((m) => m.metadata.name)
        .sort(),
    ).toEqual(names);
    expect(
      manifests
        .filter((m) => m.kind === 'Service')
        .map((m) => m.metadata.name)
        .sort(),
    ).toEqual(names);
  });

  const healthPath = (method: 'live' | 'ready') =>
    `/${Reflect.getMetadata(PATH_METADATA, HealthController)}/${Reflect.getMetadata(PATH_METADATA, HealthController.prototype[method])}`;

  describe.each(services)('$name', ({ name, port }) => {
    const deployment = () => find('Deployment', name)!;
    const container = () => deployment().spec.template.spec.containers.find((c: { name: string }) => c.name === name);
    const env = (variable: string) => container().env.find((e: { name: string }) => e.name === variable);

    it(`runs the ${name} service on its contract port ${port}`, () => {
      expect(deployment().spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': name });
      expect(deployment().spec.template.metadata.labels).toMatchObject(deployment().spec.selector.matchLabels);
      expect(container().image).toBe(kustomization.images[0].name);
      expect(env('SERVICE')).toEqual({ name: 'SERVICE', value: name });
      expect(env('PORT')).toEqual({ name: 'PORT', value: String(port) });
      expect(container().ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
    });

    it('wires readiness and liveness to the health routes on that port, and a startup probe for migrations', () => {
      expect(healthPath('ready')).toBe('/health/ready');
      expect(container().readinessProbe.httpGet).toEqual({ path: healthPath('ready'), port: 'http' });
      expect(container().livenessProbe.httpGet).toEqual({ path: healthPath('live'), port: 'http' });
      expect(container().startupProbe.httpGet).toEqual({ path: healthPath('live'), port: 'http' });
      // The readiness check waits up to 3 s for the database and the broker.
      expect(container().readinessProbe.timeoutSeconds).toBeGreaterThan(3);
    });

    it('reads its configuration from the ConfigMap and its secrets from the Secret, and has resources', () => {
      const configMap = find('ConfigMap', container().envFrom[0].configMapRef.name);
      expect(configMap?.data).toMatchObject({ NODE_ENV: 'production', KAFKA_BROKERS: expect.any(String) });
      const secrets = ['DATABASE_URL', 'AUTH_JWT_SECRET'].concat(
        name === 'confidentiality' ? ['VAULT_MASTER_KEYS', 'VAULT_ACTIVE_MASTER_KEY', 'VAULT_INDEX_KEY'] : [],
      );
      for (const secret of secrets) {
        expect(env(secret)).toEqual({
          name: secret,
          valueFrom: { secretKeyRef: { name: 'cx-platform-secrets', key: secret } },
        });
      }
      expect(
        container()
          .env.filter((e: { value?: string }) => e.value !== undefined)
          .map((e: { name: string }) => e.name),
      ).toEqual(['SERVICE', 'PORT']);
      expect(container().resources).toMatchObject({
        requests: { cpu: expect.any(String), memory: expect.any(String) },
        limits: { memory: expect.any(String) },
      });
    });

    it('leaves time for a graceful shutdown: preStop, then the 20 s HTTP drain, within the grace period', () => {
      const preStop = container().lifecycle.preStop.sleep.seconds;
      expect(deployment().spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(preStop + 20);
    });

    it('is reachable through a Service on its port', () => {
      const service = find('Service', name)!;
      expect(service.spec.selector).toEqual(deployment().spec.selector.matchLabels);
      expect(service.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }]);
    });
  });
});

describe('docker-compose.yml and the image', () => {
  const compose = readYaml(path.join(root, 'docker-compose.yml'))[0] as {
    services: Record<
      string,
      {
        build?: { args?: Record<string, string> };
        environment?: Record<string, unknown>;
        ports?: string[];
        depends_on?: object;
      }
    >;
  };

  it('runs every service in scripts/services.mjs on its port, after Postgres and Kafka, and nothing else', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['kafka', 'postgres', ...services.map((s) => s.name)].sort());
    for (const { name, port } of services) {
      const service = compose.services[name];
      expect({ name, arg: service.build?.args?.SERVICE, port: service.environment?.PORT }).toEqual({
        name,
        arg: name,
        port,
      });
      expect(service.ports).toEqual([`${port}:${port}`]);
      expect(Object.keys(service.depends_on ?? {}).sort()).toEqual(['kafka', 'postgres']);
    }
  });

  it('builds in stages, runs as a non-root user and lets SIGTERM reach node', () => {
    const dockerfile = readFileSync(path.join(root, 'deploy/docker/Dockerfile'), 'utf8');
    const stages = [...dockerfile.matchAll(/^FROM\s+\S+(?:\s+AS\s+(\S+))?/gm)];
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const builder = stages[0][1];
    const final = dockerfile.slice(stages[stages.length - 1].index);
    expect(final).toContain(`COPY --from=${builder} `);
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^CMD \[.*exec node .*\]$/m);
  });

  it('copies every npm workspace into the build stage, so `npm ci` sees the same workspaces as the lock file', () => {
    const dockerfile = readFileSync(path.join(root, 'deploy/docker/Dockerfile'), 'utf8');
    const workspaces: string[] = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces;
    for (const workspace of workspaces) {
      const dir = workspace.replace(/\/\*$/, '');
      expect({ workspace, copied: new RegExp(`^COPY ${dir}(/package\\.json)? ${dir}`, 'm').test(dockerfile) }).toEqual({
        workspace,
        copied: true,
      });
    }
  });
});
