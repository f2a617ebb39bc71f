import request from 'supertest';
import type { TestApi } from '../test-app';

export type Agent = ReturnType<typeof request.agent>;

/** The hidden CSRF field of the first form on a page, or undefined when the page has none. */
export function csrfFieldOf(html: string): { name: string; value: string } | undefined {
  const input = /<input[^>]*name="_csrf"[^>]*>/.exec(html)?.[0];
  const value = input && /value="([^"]+)"/.exec(input)?.[1];
  return value ? { name: '_csrf', value } : undefined;
}

/** A browser-like agent (its own cookie jar) signed in to the staff pages through the sign-in form. */
export async function signedInAgent(api: TestApi, email: string, password: string): Promise<Agent> {
  const agent = request.agent(api.http);
  const page = await agent.get('/sign-in');
  const csrf = csrfFieldOf(page.text);
  if (!csrf) throw new Error(`the sign-in page has no CSRF field (it answered ${page.status})`);
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send({ [csrf.name]: csrf.value, email, password });
  if (res.status !== 303) throw new Error(`signing in to the pages answered ${res.status}, not 303`);
  return agent;
}

/** An Express route, as the app's router holds it. */
export interface RouterRoute {
  method: string;
  path: string;
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route the running app answers, read from Express's router (what a request really
 * reaches), without the middleware mounted on many methods at once. Paths lose a trailing slash.
 */
export function routerRoutes(api: TestApi): RouterRoute[] {
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  const seen = new Map<string, RouterRoute>();
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods).filter((method) => layer.route!.methods[method]);
    if (methods.length > 2) continue;
    const path = layer.route.path.length > 1 ? layer.route.path.replace(/\/$/, '') : layer.route.path;
    for (const method of methods) {
      const route = { method: method.toUpperCase(), path };
      seen.set(`${route.method} ${route.path}`, route);
    }
  }
  return [...seen.values()];
}

/** The web pages' routes: not the JSON API, the OpenAPI pages or the health check. */
export function pageRoutes(api: TestApi, method: string): RouterRoute[] {
  return routerRoutes(api).filter(
    (route) =>
      route.method === method &&
      !route.path.startsWith('/api/') &&
      !route.path.startsWith('/docs') &&
      route.path !== '/health',
  );
}
