import request from 'supertest';
import type { App } from 'supertest/types';
import type { DataSource } from 'typeorm';
// By path, not through the index, which would validate config before it is set.
import { ManageLinkKeys } from '../../libs/registrations/src/manage-links/manage-link-keys';

interface Api {
  http: App;
  dataSource: DataSource;
  app: { get<T>(type: new (...args: never[]) => T): T };
}

/** A registration as tests that are not about the link need it: its id, status and manage token. */
export interface RegisteredPerson {
  id: string;
  status: string;
  manageToken: string;
}

/**
 * The address's registration for the event, with its manage token derived by the app's own
 * ManageLinkKeys, as the worker derives it for emails. For tests whose subject is not the link
 * itself; tests of the link read it from the email in the SMTP sink.
 */
export async function registrationOf(api: Api, eventId: string, email: string): Promise<RegisteredPerson> {
  const rows: Array<{ id: string; status: string; link_nonce: string; link_key_id: string }> =
    await api.dataSource.query(
      'SELECT id, status, link_nonce, link_key_id FROM registrations WHERE event_id = $1 AND email = $2',
      [eventId, email.trim().toLowerCase()],
    );
  if (rows.length !== 1) throw new Error(`no registration for that address at event ${eventId}`);
  const [row] = rows;
  const manageToken = api.app
    .get(ManageLinkKeys)
    .tokenFor({ linkNonce: row.link_nonce, linkKeyId: row.link_key_id });
  return { id: row.id, status: row.status, manageToken };
}

/**
 * Registers through the public API (which answers 202 and nothing personal), then reads the
 * registration back: `status` is the HTTP status, `body` the registration.
 */
export async function registerAndRead(
  api: Api,
  eventId: string,
  body: Record<string, unknown>,
): Promise<{
  status: number;
  reply: Record<string, unknown>;
  body: RegisteredPerson & { message?: unknown };
}> {
  const res = await request(api.http).post(`/api/v1/public/events/${eventId}/registrations`).send(body);
  // Refused (4xx): the error body, with its message, as it came.
  if (res.status !== 202) return { status: res.status, reply: res.body, body: res.body };
  return {
    status: res.status,
    reply: res.body,
    body: await registrationOf(api, eventId, String(body.email)),
  };
}
