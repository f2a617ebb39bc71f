import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { browserBaseUrl, expectAccessibleAtEveryWidth, launchChromium } from '../support/browser';
import { bearer } from '../support/fixtures';
import { approvedPartner, PARTNER_PASSWORD } from '../support/partner-user';
import { pageRoutes } from '../support/hostile/page-session';
import { HOSTILE_SUITE_PARTNER } from '../support/hostile/hostile-portal-world';
import { seedHostileWorld, type HostileWorld } from '../support/hostile/hostile-world';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * Issue 12, point 10: every page, staff and public, on a phone. Each GET page the app has is
 * visited with seeded rows (the hostile suite's world: an event with people registered and
 * invited, messages in its ledger, testimony, an import, partners) and checked with
 * expectAccessibleAtEveryWidth: axe-core at 1280 and 390 px, and the page never wider than the
 * screen (a wide table scrolls inside its own region). A page the app gains without a line here
 * fails the first test, so a new page cannot miss the check.
 */

type Who = 'staff' | 'partner' | 'public';

interface PageVisit {
  who: Who;
  url: (world: HostileWorld) => string;
}

/** Every GET page, by its Express path, with whom to visit it as and the rows to visit. */
const PAGES: Record<string, PageVisit> = {
  '/': { who: 'public', url: () => '/' },
  '/sign-in': { who: 'public', url: () => '/sign-in' },
  '/events': { who: 'public', url: () => '/events' },
  '/events/:id': { who: 'public', url: (w) => `/events/${w.eventId}` },
  '/events/:id/register': { who: 'public', url: (w) => `/events/${w.eventId}/register` },
  '/events/:id/register/check-your-email': {
    who: 'public',
    url: (w) => `/events/${w.eventId}/register/check-your-email`,
  },
  '/events/:id/manage-link': { who: 'public', url: (w) => `/events/${w.eventId}/manage-link` },
  '/events/:id/manage-link/sent': { who: 'public', url: (w) => `/events/${w.eventId}/manage-link/sent` },
  '/manage-link': { who: 'public', url: () => '/manage-link' },
  '/manage-link/sent': { who: 'public', url: () => '/manage-link/sent' },
  '/manage/:token': { who: 'public', url: (w) => `/manage/${w.manageToken}` },
  '/manage/:token/registered': { who: 'public', url: (w) => `/manage/${w.manageToken}/registered` },
  '/manage/:token/access-needs': { who: 'public', url: (w) => `/manage/${w.manageToken}/access-needs` },
  '/manage/:token/cancel': { who: 'public', url: (w) => `/manage/${w.manageToken}/cancel` },
  '/manage/:token/cancelled': { who: 'public', url: (w) => `/manage/${w.manageToken}/cancelled` },
  '/manage/:token/accept': { who: 'public', url: (w) => `/manage/${w.invitedToken}/accept` },
  '/manage/:token/decline': { who: 'public', url: (w) => `/manage/${w.invitedToken}/decline` },
  '/manage/:token/unsubscribe': { who: 'public', url: (w) => `/manage/${w.invitedToken}/unsubscribe` },
  '/campaigns/:id': { who: 'public', url: (w) => `/campaigns/${w.campaignId}` },
  '/testimony/new': { who: 'public', url: (w) => `/testimony/new?event=${w.eventId}` },
  '/testimony/erased': { who: 'public', url: () => '/testimony/erased' },
  '/testimony/receipt/:token': { who: 'public', url: (w) => `/testimony/receipt/${w.receiptToken}` },
  '/testimony/receipt/:token/sent': {
    who: 'public',
    url: (w) => `/testimony/receipt/${w.receiptToken}/sent`,
  },
  '/testimony/receipt/:token/consent': {
    who: 'public',
    url: (w) => `/testimony/receipt/${w.receiptToken}/consent`,
  },
  '/testimony/receipt/:token/erase': {
    who: 'public',
    url: (w) => `/testimony/receipt/${w.receiptToken}/erase`,
  },
  '/partners/register': { who: 'public', url: () => '/partners/register' },
  '/partners/register/sent': { who: 'public', url: () => '/partners/register/sent' },
  '/password/:token': { who: 'public', url: (w) => `/password/${w.passwordLinkToken}` },
  '/password/forgot': { who: 'public', url: () => '/password/forgot' },
  '/manage/:token/companions': { who: 'public', url: (w) => `/manage/${w.manageToken}/companions` },
  '/privacy': { who: 'public', url: () => '/privacy' },
  '/accessibility': { who: 'public', url: () => '/accessibility' },

  '/staff': { who: 'staff', url: () => '/staff' },
  '/staff/events': { who: 'staff', url: () => '/staff/events' },
  '/staff/events/new': { who: 'staff', url: () => '/staff/events/new' },
  '/staff/events/:id': { who: 'staff', url: (w) => `/staff/events/${w.eventId}` },
  '/staff/events/:id/edit': { who: 'staff', url: (w) => `/staff/events/${w.eventId}/edit` },
  '/staff/events/:id/cancel': { who: 'staff', url: (w) => `/staff/events/${w.eventId}/cancel` },
  '/staff/events/:id/access-needs': { who: 'staff', url: (w) => `/staff/events/${w.eventId}/access-needs` },
  '/staff/events/:id/registrations': { who: 'staff', url: (w) => `/staff/events/${w.eventId}/registrations` },
  '/staff/events/:id/notifications': { who: 'staff', url: (w) => `/staff/events/${w.eventId}/notifications` },
  '/staff/events/:id/sign-in-sheet': { who: 'staff', url: (w) => `/staff/events/${w.eventId}/sign-in-sheet` },
  '/staff/events/:id/check-in': { who: 'staff', url: (w) => `/staff/events/${w.eventId}/check-in` },
  '/staff/events/:id/invite': { who: 'staff', url: (w) => `/staff/events/${w.eventId}/invite` },
  '/staff/events/:id/registrations/new': {
    who: 'staff',
    url: (w) => `/staff/events/${w.eventId}/registrations/new`,
  },
  '/staff/events/:id/registrations/new/:registrationId': {
    who: 'staff',
    url: (w) => `/staff/events/${w.eventId}/registrations/new/${w.registrationId}`,
  },
  '/staff/venues': { who: 'staff', url: () => '/staff/venues' },
  '/staff/venues/new': { who: 'staff', url: () => '/staff/venues/new' },
  '/staff/venues/:id/edit': { who: 'staff', url: (w) => `/staff/venues/${w.venueId}/edit` },
  '/staff/users': { who: 'staff', url: () => '/staff/users' },
  '/staff/users/new': { who: 'staff', url: () => '/staff/users/new' },
  '/staff/users/:id': { who: 'staff', url: (w) => `/staff/users/${w.staffUserId}` },
  '/account/password': { who: 'staff', url: () => '/account/password' },
  '/staff/partners': { who: 'staff', url: () => '/staff/partners' },
  '/staff/partners/:id': { who: 'staff', url: (w) => `/staff/partners/${w.pendingPartnerId}` },
  '/staff/cohost-requests': { who: 'staff', url: () => '/staff/cohost-requests' },
  '/staff/testimonies': { who: 'staff', url: () => '/staff/testimonies' },
  '/staff/testimonies/:id': { who: 'staff', url: (w) => `/staff/testimonies/${w.testimonyId}` },
  '/staff/casework': { who: 'staff', url: () => '/staff/casework' },
  '/staff/testimony-imports/new': { who: 'staff', url: () => '/staff/testimony-imports/new' },
  '/staff/testimony-imports/:id': {
    who: 'staff',
    url: (w) => `/staff/testimony-imports/${w.testimonyImportId}`,
  },
  '/staff/testimony-imports/:id/done': {
    who: 'staff',
    url: (w) => `/staff/testimony-imports/${w.testimonyImportId}/done`,
  },
  '/staff/reports/testimony': { who: 'staff', url: () => '/staff/reports/testimony' },
  '/staff/audit': { who: 'staff', url: () => '/staff/audit' },
  '/staff/site-texts/:key': { who: 'staff', url: (w) => `/staff/site-texts/${w.siteTextKey}` },

  '/partner': { who: 'partner', url: () => '/partner' },
  '/partner/events/available': { who: 'partner', url: () => '/partner/events/available' },
  '/partner/events/:id': { who: 'partner', url: (w) => `/partner/events/${w.partnerEventId}` },
  '/partner/events/:id/invite': { who: 'partner', url: (w) => `/partner/events/${w.partnerEventId}/invite` },
  '/partner/cohost-requests': { who: 'partner', url: () => '/partner/cohost-requests' },
  '/partner/cohost-requests/new': { who: 'partner', url: () => '/partner/cohost-requests/new' },
  '/partner/cohost-requests/sent': { who: 'partner', url: () => '/partner/cohost-requests/sent' },
  '/partner/calendar': { who: 'partner', url: () => '/partner/calendar' },
};

/** GET routes that are not pages to look at, and why. */
const NOT_PAGES: Record<string, string> = {
  '/staff/events/:id/registrations.csv': 'a CSV download',
  '/staff/reports/testimony/download': 'a Word or CSV download',
  '/staff/events/:id/invite/preview/:previewId/email':
    "the invite preview's email, shown in its frame (invite-preview.e2e-spec.ts checks it)",
  '/partner/events/:id/invite/preview/:previewId/email':
    "the partner invite preview's email, the same frame (partner-invite-pages.int-spec.ts checks it)",
  '/partner-feeds/:token.ics': 'a calendar feed',
  '/favicon.ico': 'an icon',
};

describe('every page at phone width', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let world: HostileWorld;
  const pages = new Map<Who, Page>();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    api = await createTestApi('pages-at-phone-width', {
      listen: true,
      now: new Date(),
      env: { PUBLIC_RATE_LIMIT: '100000' },
    });
    const partner = await approvedPartner(api, HOSTILE_SUITE_PARTNER);
    world = await seedHostileWorld(api.dataSource);
    // Messages in the event's ledger, with long addresses, for the delivery ledger's table.
    const admin = await api.tokenFor('admin');
    await request(api.http)
      .post(`/api/v1/events/${world.eventId}/invitations`)
      .set(bearer(admin))
      .send({
        contacts: [
          {
            name: 'Alexandra Montgomery-Fotheringham',
            email: 'alexandra.montgomery-fotheringham@example.org',
          },
          { name: 'Sam Jones', email: 'sam.jones.with.a.rather.long.address@halesowen-parents.example.org' },
        ],
      })
      .expect(201);

    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    for (const who of ['public', 'staff', 'partner'] as const) {
      const context = await browser.newContext({ baseURL: base });
      contexts.push(context);
      const page = await context.newPage();
      if (who !== 'public') {
        await page.goto('/sign-in');
        await page.getByLabel('Email address').fill(who === 'staff' ? ADMIN.email : partner.email);
        await page
          .getByLabel('Password', { exact: true })
          .fill(who === 'staff' ? ADMIN.password : PARTNER_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(who === 'staff' ? '**/staff/**' : '**/partner**');
      }
      pages.set(who, page);
    }
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await api?.close();
  });

  it('has a visit for every page the app serves', () => {
    const real = pageRoutes(api, 'GET')
      .map((route) => route.path)
      .filter((path) => !path.startsWith('/assets') && !(path in NOT_PAGES));
    expect(real.filter((path) => !(path in PAGES))).toEqual([]);
    expect(Object.keys(PAGES).filter((path) => !real.includes(path))).toEqual([]);
  });

  for (const [route, visit] of Object.entries(PAGES)) {
    it(`${route} fits a phone and passes axe (${visit.who})`, async () => {
      const page = pages.get(visit.who)!;
      const response = await page.goto(visit.url(world));
      // A page may redirect (a cancelled registration's page, say), never fail.
      expect({ route, answered: (response?.status() ?? 0) > 0 && response!.status() < 500 }).toEqual({
        route,
        answered: true,
      });
      await expectAccessibleAtEveryWidth(page, `${route} (${visit.who})`);
    }, 60_000);
  }
});
