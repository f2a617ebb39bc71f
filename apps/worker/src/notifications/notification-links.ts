/**
 * The links a message to a registration carries, from PUBLIC_URL and the person's manage token
 * (derived when the message is sent: see ManageLinks). Every such message has the token, so every
 * one links to the person's own page.
 */
export interface NotificationLinks {
  eventUrl: string;
  /** The private page to see, answer, change or cancel. */
  manageUrl: string;
  invitation: { acceptUrl: string; declineUrl: string; unsubscribeUrl: string };
}

export function notificationLinks(
  publicUrl: string,
  eventId: string,
  manageToken: string,
): NotificationLinks {
  const base = publicUrl.replace(/\/+$/, '');
  const eventUrl = `${base}/events/${eventId}`;
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
