import { ruleBroken, type RuleBroken } from '@roundtable/platform';

/** A report's scope that cannot be right: each names its field, so a page shows it there. */

export function datesOutOfOrder(from: string, to: string): RuleBroken {
  return ruleBroken('report-dates-in-order', `to (${to}) must be the same as or after from (${from})`, 'to', {
    from,
    to,
  });
}

export function unknownCampaign(campaignId: string): RuleBroken {
  return ruleBroken(
    'report-campaign-exists',
    `campaignId ${campaignId} does not match any campaign`,
    'campaignId',
    {
      campaignId,
    },
  );
}

export function unknownEvent(eventId: string): RuleBroken {
  return ruleBroken('report-event-exists', `eventId ${eventId} does not match any event`, 'eventId', {
    eventId,
  });
}
