/**
 * The links a message to a registration carries, from PUBLIC_URL and the person's manage token
 * (derived when the message is sent: see ManageLinks). Every message that offers the person's
 * own page has the token; only the two cancellations, which offer no link, are built without it.
 */
export interface NotificationLinks {
  eventUrl: string;
  /** The private page to see, answer, change or cancel; the public event page without a token. */
  manageUrl: string;
  /** Present only with a token. */
  invitation?: { acceptUrl: string; declineUrl: string; unsubscribeUrl: string };
}

export function notificationLinks(
  publicUrl: string,
  eventId: string,
  manageToken: string | null,
): NotificationLinks {
  const base = publicUrl.replace(/\/+$/, '');
  const eventUrl = `${base}/events/${eventId}`;
  if (!manageToken) return { eventUrl, manageUrl: eventUrl };
  const manageUrl = `${base}/manage/${encodeURIComponent(manageToken)}`;
  return {
    eventUrl,
    manageUrl,
    invitation: {
      acceptUrl: `${manageUrl}/accept`,
      declineUrl: `${manageUrl}/decline`,
      unsubscribeUrl: `${manageUrl}/unsubscribe`,
    },
  };
}
