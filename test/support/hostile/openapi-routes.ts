import fc from 'fast-check';
import {
  deepValue,
  HOSTILE_WHOLE_BODIES,
  hostileDate,
  hostileNumber,
  hostileString,
  RawJson,
  unknownFieldName,
  wrongType,
} from './hostile-values';
import {
  pathParamSource,
  pathValueArbitrary,
  queryArbitrary,
  calendarInjectionVariants,
  headerInjectionVariants,
  knownAttacks,
  markupVariants,
  type KnownAttack,
  type HostileRequest,
  type PathValue,
} from './hostile-request';
import { SURVEY_IMPORT_MAPPING } from './hostile-survey-import';
import { HOSTILE_LOGIN_USER, placeholder, type WorldRef } from './hostile-world';

/** The parts of an OpenAPI 3 document the suite reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: Array<Record<string, unknown>>;
}
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
}

/** One route of the API as its OpenAPI document describes it. */
export interface ApiRoute {
  /** "POST /api/v1/events/{id}" */
  label: string;
  method: string;
  template: string;
  /** Needs a bearer token (a staff route); otherwise called anonymously. */
  signedIn: boolean;
  pathParams: Array<{ name: string; source: WorldRef | undefined }>;
  queryNames: string[];
  /** The JSON body's schema, with every $ref resolved; undefined when the route takes none. */
  body?: Schema;
  /** Content types other than JSON, which the suite cannot generate. */
  otherContent: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function apiRoutesOf(document: OpenApiDocument): ApiRoute[] {
  const routes: ApiRoute[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;
      routes.push({
        label: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        signedIn: (operation.security ?? []).some((requirement) => 'bearer' in requirement),
        pathParams: parameters
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => ({ name: parameter.name, source: pathParamSource(template, parameter.name) })),
        queryNames: parameters
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => parameter.name),
        body: jsonSchema ? resolveRefs(jsonSchema, document) : undefined,
        otherContent: Object.keys(content).filter((type) => type !== 'application/json'),
      });
    }
  }
  return routes;
}

function resolveRefs(schema: Schema, document: OpenApiDocument, depth = 0): Schema {
  if (depth > 10) throw new Error('a schema in the OpenAPI document refers to itself too deeply');
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`the OpenAPI document has no schema ${name}`);
    return resolveRefs(target, document, depth + 1);
  }
  return {
    ...schema,
    ...(schema.items && { items: resolveRefs(schema.items, document, depth + 1) }),
    ...(schema.properties && {
      properties: Object.fromEntries(
        Object.entries(schema.properties).map(([name, property]) => [
          name,
          resolveRefs(property, document, depth + 1),
        ]),
      ),
    }),
  };
}

/**
 * Valid values for fields whose schema alone cannot give one (ids of real rows, free times, an
 * unused address), by field name. A field here is also how the suite knows a field's meaning.
 */
const FIELD_HINTS: Record<string, unknown> = {
  email: placeholder('uniqueEmail'),
  password: 'a-long-enough-password-1',
  currentPassword: 'not-the-current-password',
  newPassword: 'a-long-enough-password-1',
  name: 'Sam Jones',
  venueId: placeholder('venueId'),
  eventId: placeholder('eventId'),
  campaignId: placeholder('campaignId'),
  startsAt: placeholder('startsAt'),
  endsAt: placeholder('endsAt'),
  onlineUrl: 'https://meet.example.org/hostile',
  // At most the seeded venue's 40 (an event's limit) and at least its event's 40 (a venue's).
  capacity: 40,
  accessNotes: 'A seat near the door, please.',
  note: 'Sam, your interpreter, will meet you at the door.',
  registrationIds: [placeholder('registrationId')],
  intoId: placeholder('intoThemeId'),
  themeIds: [placeholder('themeId')],
  // Consents name co-hosts of the event; none is a valid answer on every event.
  partnerContactConsent: [],
};

/** Valid values that differ on one route: a sign-in that can succeed. */
const ROUTE_FIELD_HINTS: Record<string, Record<string, unknown>> = {
  'POST /api/v1/auth/login': { ...HOSTILE_LOGIN_USER },
  // The seeded import's own headers, so a valid mapping names real columns.
  'POST /api/v1/testimony-imports/{id}/preview': { mapping: SURVEY_IMPORT_MAPPING },
  // A new organisation: its charity number and contact address are each registered only once.
  'POST /api/v1/public/partners': {
    charityNumber: placeholder('uniqueCharityNumber'),
    contactEmail: placeholder('uniqueEmail'),
  },
  // Theme names are unique: a fixed name would be taken after its first use.
  'POST /api/v1/themes': { name: placeholder('uniqueThemeName') },
  'PATCH /api/v1/themes/{id}': { name: placeholder('uniqueThemeName') },
  // A partner not yet co-hosting, to add; one co-hosting, to remove.
  'POST /api/v1/events/{id}/cohosts': { partnerId: placeholder('candidatePartnerId') },
  'DELETE /api/v1/events/{id}/cohosts': { partnerId: placeholder('cohostPartnerId') },
};

/** Fields that are never sent in a valid body (left out, they take the server's default). */
const LEFT_OUT = new Set(['partnerId']);

const NO_VALUE = Symbol('no valid value');

/** A valid value for a field, from the hints and then the schema; NO_VALUE when neither says. */
function validValue(schema: Schema, name: string): unknown {
  if (name in FIELD_HINTS) return FIELD_HINTS[name];
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.properties) return validObject(schema);
  if (schema.type === 'array' && schema.items) {
    const item = validValue(schema.items, name);
    return item === NO_VALUE ? [] : [item];
  }
  if (schema.default !== undefined) return schema.default;
  if (schema.type === 'string') return 'Ordinary words';
  if (schema.type === 'number' || schema.type === 'integer') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  return NO_VALUE;
}

function validObject(schema: Schema, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (LEFT_OUT.has(name) && !schema.required?.includes(name)) continue;
    const value = name in overrides ? overrides[name] : validValue(property, name);
    if (value !== NO_VALUE) body[name] = value;
  }
  return body;
}

/** Why the suite cannot generate requests for a route, or an empty list when it can. */
export function generatorProblems(route: ApiRoute): string[] {
  const problems: string[] = [];
  for (const param of route.pathParams) {
    if (!param.source)
      problems.push(
        `path parameter {${param.name}} names no kind of row the suite seeds: add it to PATH_PARAM_SOURCES in test/support/hostile/hostile-request.ts`,
      );
  }
  if (route.otherContent.length > 0)
    problems.push(`a ${route.otherContent.join(', ')} body: add a generator for it`);
  if (route.body) {
    if (!route.body.properties) problems.push('its JSON body has no properties in the document');
    for (const name of route.body.required ?? []) {
      const property = route.body.properties?.[name];
      if (!property || validValue(property, name) === NO_VALUE)
        problems.push(
          `required field ${name} has no valid value: give it an example in its DTO or a hint in FIELD_HINTS (test/support/hostile/openapi-routes.ts)`,
        );
    }
  }
  return problems;
}

type FieldKind = 'date' | 'number' | 'array' | 'object' | 'text';

function fieldKind(schema: Schema, name: string): FieldKind {
  if (/At$/.test(name) || name === 'from' || name === 'to') return 'date';
  if (schema.type === 'number' || schema.type === 'integer' || name === 'capacity') return 'number';
  if (schema.type === 'array') return 'array';
  if (schema.properties) return 'object';
  return 'text';
}

/** A hostile value for one field, of its own kind or of the wrong one. */
function hostileFieldValue(schema: Schema, name: string, depth = 0): fc.Arbitrary<unknown> {
  const own: Record<FieldKind, () => fc.Arbitrary<unknown>> = {
    date: () => fc.oneof(hostileDate, hostileString),
    number: () => hostileNumber,
    text: () => hostileString,
    array: () => {
      const item = schema.items ?? {};
      const valid = validValue(item, name);
      return fc.oneof(
        fc.array(depth < 2 ? hostileFieldValue(item, name, depth + 1) : hostileString, {
          minLength: 1,
          maxLength: 3,
        }),
        // One over the usual limits (10,000 contacts), and a flood.
        fc
          .constantFrom(10_001, 100_000)
          .map((size) => new Array<unknown>(size).fill(valid === NO_VALUE ? 'x' : valid)),
        fc.constant(valid === NO_VALUE ? ['x', 'x'] : [valid, valid]),
      );
    },
    object: () => (depth < 2 ? objectValueArbitrary(schema, depth + 1) : wrongType),
  };
  return fc.oneof(
    { weight: 5, arbitrary: own[fieldKind(schema, name)]() },
    { weight: 2, arbitrary: wrongType },
    { weight: 1, arbitrary: deepValue },
  );
}

function requiredFieldsOf(schema: Schema, into = new Set<string>()): Set<string> {
  for (const name of schema.required ?? []) into.add(name);
  for (const property of Object.values(schema.properties ?? {})) {
    if (property.properties) requiredFieldsOf(property, into);
    if (property.items?.properties) requiredFieldsOf(property.items, into);
  }
  return into;
}

function enumFieldsOf(schema: Schema, into = new Set<string>()): Set<string> {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (property.enum || property.items?.enum) into.add(name);
    if (property.properties) enumFieldsOf(property, into);
    if (property.items?.properties) enumFieldsOf(property.items, into);
  }
  return into;
}

/** Hostile variations of a valid object: one field, several, unknown or missing fields, markup. */
function objectValueArbitrary(
  schema: Schema,
  depth = 0,
  overrides: Record<string, unknown> = {},
): fc.Arbitrary<unknown> {
  const base = validObject(schema, overrides);
  const properties = Object.entries(schema.properties ?? {});
  const names = properties.map(([name]) => name);
  const required = schema.required ?? [];
  const variations: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 1, arbitrary: fc.constant(base) },
    { weight: 2, arbitrary: fc.constantFrom(...markupVariants(base, enumFieldsOf(schema))) },
    { weight: 1, arbitrary: fc.constantFrom(...headerInjectionVariants(base)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(unknownFieldName, fc.oneof(hostileString, wrongType))
        .map(([key, value]) => withKey(base, key, value)),
    },
  ];
  if (names.length > 0) {
    variations.push(
      {
        weight: 5,
        arbitrary: fc
          .constantFrom(...properties)
          .chain(([name, property]) =>
            hostileFieldValue(property, name, depth).map((value) => withKey(base, name, value)),
          ),
      },
      {
        weight: 2,
        arbitrary: fc
          .record(
            Object.fromEntries(
              properties.map(([name, property]) => [name, hostileFieldValue(property, name, depth)]),
            ),
            { requiredKeys: [] },
          )
          .map((fields) => ({ ...base, ...fields })),
      },
    );
  }
  if (required.length > 0) {
    variations.push({
      weight: 1,
      arbitrary: fc
        .subarray(required, { minLength: 1 })
        .map((missing) =>
          Object.fromEntries(Object.entries(base).filter(([name]) => !missing.includes(name))),
        ),
    });
  }
  return fc.oneof(...variations);
}

/** A copy of `base` with `key` set, even when the key is "__proto__". */
function withKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Bodies for a route: its schema's object varied as above, or something that is not that object at all. */
function bodyArbitrary(route: ApiRoute): fc.Arbitrary<unknown> {
  const notAnObject = fc.constantFrom(...HOSTILE_WHOLE_BODIES).map((text) => new RawJson(text));
  if (route.body)
    return fc.oneof(
      { weight: 6, arbitrary: objectValueArbitrary(route.body, 0, ROUTE_FIELD_HINTS[route.label]) },
      notAnObject,
    );
  if (route.method === 'GET') return fc.constant(undefined);
  return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, notAnObject);
}

/** Every request the suite may send to a route. */
export function apiRequestArbitrary(route: ApiRoute): fc.Arbitrary<HostileRequest> {
  const path: Record<string, fc.Arbitrary<PathValue>> = {};
  for (const param of route.pathParams) path[param.name] = pathValueArbitrary(param.source!);
  return fc.record({
    path: fc.record(path),
    query: fc.oneof(fc.constant<HostileRequest['query']>([]), queryArbitrary(route.queryNames)),
    body: bodyArbitrary(route),
  });
}

/** The inputs every route gets first, whatever the seed: markup and header injections in an otherwise valid body. */
export function apiExamples(route: ApiRoute): HostileRequest[] {
  const path = Object.fromEntries(
    route.pathParams.map((param): [string, PathValue] => [param.name, { ref: param.source! }]),
  );
  const base = route.body ? validObject(route.body, ROUTE_FIELD_HINTS[route.label]) : undefined;
  // The valid request first: it shows the suite reaches the code behind the route.
  const examples: HostileRequest[] = [{ path, query: [], body: base }];
  for (const param of route.pathParams) {
    for (const raw of ['%00', 'not-an-id', '00000000-0000-0000-0000-000000000000'])
      examples.push({
        path: { ...path, [param.name]: { raw } },
        query: [],
        body: base,
        mustRefuse: `{${param.name}} that names no row (${raw})`,
      });
  }
  for (const [key, value] of KNOWN_QUERY_ATTACKS) {
    if (route.queryNames.includes(key)) examples.push({ path, query: [{ key, value: { value } }] });
  }
  if (route.queryNames.length > 0)
    examples.push({
      path,
      query: [
        { key: route.queryNames[0]!, value: { value: '1' } },
        { key: route.queryNames[0]!, value: { value: '2' } },
      ],
    });
  if (route.body && base) {
    const enums = enumFieldsOf(route.body);
    const bodies: KnownAttack[] = [
      ...[
        base,
        ...markupVariants(base, enums),
        ...headerInjectionVariants(base),
        ...calendarInjectionVariants(base, enums),
      ].map((body) => ({ body })),
      ...knownAttacks(base, requiredFieldsOf(route.body)),
      { body: new RawJson(HOSTILE_WHOLE_BODIES[0]!), mustRefuse: 'a body of arrays nested 5,000 deep' },
      { body: new RawJson(HOSTILE_WHOLE_BODIES[1]!), mustRefuse: 'a body of objects nested 5,000 deep' },
    ];
    examples.push(...bodies.map(({ body, mustRefuse }) => ({ path, query: [], body, mustRefuse })));
  }
  return examples;
}

/** Query strings that broke the running system, or nearly. */
const KNOWN_QUERY_ATTACKS: Array<[string, string]> = [
  ['offset', '9223372036854775807'],
  ['limit', '-1'],
  ['limit', '1e309'],
  ['offset', '1.5'],
  ['from', '10000-01-01T00:00:00Z'],
  ['to', '0000-01-01T00:00:00Z'],
  ['area', '\u0000'],
  ['status', '\u0000'],
];
