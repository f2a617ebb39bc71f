import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { testLinkKeys, testTestimonyKeys } from './link-keys';
import { TEST_OFFICE_ENV } from './test-office';

/**
 * The API routes the app declares, as "METHOD /path/{param}" labels (the OpenAPI document's own
 * form), read synchronously from the controllers' metadata: for choosing, while jest collects a
 * file's tests, whether a journey can run yet (describe or describe.skip). jest cannot wait for
 * an app to start then, so this reads the same metadata the OpenAPI document is generated from;
 * the test then checks the running app's document agrees.
 *
 * The app is loaded in a module registry of its own (config is validated on first import) with a
 * placeholder environment, then the environment is put back, so the test's own app is untouched.
 */
export function routesDeclaredByApp(): Set<string> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://declared-routes@127.0.0.1:1/none',
    REDIS_URL: 'redis://127.0.0.1:1',
    LOG_LEVEL: 'silent',
    LINK_KEYS: testLinkKeys(),
    TESTIMONY_KEYS: testTestimonyKeys(),
    ...TEST_OFFICE_ENV,
  });
  const labels = new Set<string>();
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { AppModule } = require('../../apps/api/src/app.module') as { AppModule: object };
      for (const controller of controllersOf(AppModule)) addRoutes(controller, labels);
    });
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  return labels;
}

type ModuleRef = { module?: object; imports?: unknown[]; controllers?: unknown[] } | object;

function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Array<new () => object> {
  if (!root || seen.has(root)) return [];
  seen.add(root);
  const dynamic = root as { module?: object; imports?: unknown[]; controllers?: unknown[] };
  const type = (typeof root === 'function' ? root : dynamic.module) as object | undefined;
  const imports = [
    ...((type && (Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as unknown[])) ?? []),
    ...(dynamic.imports ?? []),
  ];
  const controllers = [
    ...((type && (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as unknown[])) ?? []),
    ...(dynamic.controllers ?? []),
  ] as Array<new () => object>;
  for (const imported of imports) {
    const resolved =
      imported && typeof imported === 'object' && 'forwardRef' in imported
        ? (imported as { forwardRef: () => ModuleRef }).forwardRef()
        : (imported as ModuleRef);
    controllers.push(...controllersOf(resolved, seen));
  }
  return controllers;
}

function addRoutes(controller: new () => object, labels: Set<string>): void {
  const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
  const prototype = controller.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const handler = prototype[name];
    if (name === 'constructor' || typeof handler !== 'function') continue;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined) continue;
    const paths = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat();
    for (const prefix of base)
      for (const path of paths) {
        const joined = `/${[prefix, path].filter((part) => part && part !== '/').join('/')}`
          .replace(/\/+/g, '/')
          .replace(/:(\w+)/g, '{$1}');
        labels.add(`${RequestMethod[method]} ${joined}`);
      }
  }
}
