import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
  allOf?: JsonSchema[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface WriteRouteFuzzOptions {
  /** A bearer token that passes every route's role check, so the body is what gets judged. */
  authorization: string;
  /** A well-formed value for a path parameter (a random id, so nothing real is touched). */
  paramValue: (name: string, path: string) => string;
  /** Bodies per route. */
  runs: number;
  seed: number;
}

export interface FuzzAnswer {
  route: string;
  status: number;
  body: string;
  /** The route takes an array of rows and answers 200 with each bad row refused, by design. */
  bulk: boolean;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** Values that no property of that type accepts, even after a transform (no numeric strings for numbers). */
function wrongFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const objects = fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 });
  switch (schema.type) {
    case 'string':
      return schema.enum
        ? fc.string({ maxLength: 30 }).filter((s) => !schema.enum!.includes(s))
        : fc.oneof(fc.integer(), fc.boolean(), objects, fc.array(fc.integer(), { maxLength: 3 }));
    case 'number':
    case 'integer':
      return fc.oneof(fc.boolean(), objects, fc.array(fc.boolean(), { maxLength: 3 }), fc.constant(null));
    case 'boolean':
      return fc.oneof(objects, fc.array(fc.integer(), { maxLength: 2 }), fc.constant('yes'));
    case 'array':
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), objects);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.array(fc.string(), { maxLength: 2 }));
  }
}

/** A plausible body for the schema: each known property present, typed as declared (values not necessarily valid). */
function plausible(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const value =
      property.enum !== undefined
        ? fc.constantFrom(...property.enum)
        : property.type === 'string'
          ? fc.string({ maxLength: 40 })
          : property.type === 'integer' || property.type === 'number'
            ? fc.integer({ min: -5, max: 200 })
            : property.type === 'boolean'
              ? fc.boolean()
              : property.type === 'array'
                ? fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 })
                : fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 });
    return [name, value] as const;
  });
  return fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>);
}

/**
 * Bodies the route must refuse: a plausible body with one declared property of a type it never takes, or a
 * required property missing, or a property the route does not know; or no object at all. Every one of them is
 * invalid by the route's own schema, so a 2xx is a defect and a 5xx is a crash.
 */
function invalidBodies(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const notAnObject = fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.string(), fc.integer(), fc.boolean());
  const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).map((k) => `x_${k}`);
  if (!schema?.properties || Object.keys(schema.properties).length === 0) {
    return fc.oneof(
      notAnObject,
      fc.tuple(unknownKey, fc.anything()).map(([k, v]) => ({ [k]: v })),
    );
  }
  const names = Object.keys(schema.properties);
  const base = plausible(schema);
  const wrongTyped = fc
    .constantFrom(...names)
    .chain((name) => fc.tuple(base, fc.constant(name), wrongFor(schema.properties![name])))
    .map(([body, name, value]) => ({ ...body, [name]: value }));
  const unknown = fc.tuple(base, unknownKey, fc.anything()).map(([body, key, value]) => ({ ...body, [key]: value }));
  const required = schema.required ?? [];
  const missing =
    required.length > 0
      ? fc.tuple(base, fc.constantFrom(...required)).map(([body, name]) => {
          const { [name]: _dropped, ...rest } = body;
          return rest;
        })
      : unknown;
  return fc.oneof(wrongTyped, unknown, missing, notAnObject);
}

function resolve(schema: JsonSchema | undefined, document: OpenApiDocument): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(document.components?.schemas?.[schema.$ref.split('/').pop()!], document);
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(s, document) ?? {});
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return schema;
}

/**
 * Sends `runs` invalid bodies (generated from each write route's own OpenAPI schema, seeded) to every write route
 * of the app, and returns every answer, so the spec asserts none is 2xx or 5xx.
 */
export async function fuzzWriteRoutes(app: INestApplication, options: WriteRouteFuzzOptions): Promise<FuzzAnswer[]> {
  const http = () => request(app.getHttpServer());
  const document = (await http().get('/docs-json').expect(200)).body as OpenApiDocument;
  const answers: FuzzAnswer[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const method of WRITE_METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const schema = resolve(operation.requestBody?.content?.['application/json']?.schema, document);
      const path = template.replace(/\{(\w+)\}/g, (_all, name: string) => options.paramValue(name, template));
      const bodies = fc.sample(invalidBodies(schema), { numRuns: options.runs, seed: options.seed });
      for (const body of bodies) {
        const response = await http()
          [method](path)
          .set('Authorization', options.authorization)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        answers.push({
          route: `${method.toUpperCase()} ${template}`,
          status: response.status,
          body: JSON.stringify(body),
          bulk: schema?.type === 'array',
        });
      }
    }
  }
  return answers;
}

/** Answers that break the rule: a crash (5xx), or a success for a body that is invalid (outside bulk routes). */
export function fuzzViolations(answers: readonly FuzzAnswer[]): string[] {
  return answers
    .filter((a) => a.status >= 500 || (a.status < 400 && !(a.bulk && a.status === 200)))
    .map((a) => `${a.route} answered ${a.status} to ${a.body.slice(0, 200)}`);
}
