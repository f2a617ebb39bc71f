/**
 * The links a message carries, from PUBLIC_URL. The private ones are built from the raw manage
 * token, which only the first message's payload holds; later messages link to the public event
 * page, where the person can still find the way to their registration.
 */
export interface NotificationLinks {
  eventUrl: string;
  /** The private page to change or cancel; the public event page when there is no token. */
  manageUrl: string;
  /** Present only with a token. */
  invitation?: { acceptUrl: string; declineUrl: string; unsubscribeUrl: string };
}

export function notificationLinks(
  publicUrl: string,
  eventId: string,
  manageToken?: string,
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
