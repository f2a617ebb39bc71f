import { DomainError, ruleBroken, type RuleBroken } from '@roundtable/platform';

/** The campaigns library's refusals, each naming its rule and the facts it was broken with. */

export class CampaignNotFound extends DomainError {
  constructor(readonly campaignId: string) {
    super('not-found', 'campaign-exists', `no campaign with id ${campaignId}`, { data: { campaignId } });
  }
}

/** Drafts and closed campaigns have no public page. */
export class PublishedCampaignNotFound extends DomainError {
  constructor(readonly campaignId: string) {
    super('not-found', 'campaign-published', `no published campaign with id ${campaignId}`, {
      data: { campaignId },
    });
  }
}

export class CampaignNotDraft extends DomainError {
  constructor(readonly status: string) {
    super(
      'conflict',
      'publish-a-draft-campaign',
      `this campaign is ${status}; only a draft can be published`,
      {
        field: 'status',
        data: { status },
      },
    );
  }
}

export function endsBeforeStarts(startsOn: string, endsOn: string): RuleBroken {
  return ruleBroken(
    'campaign-ends-on-or-after-start',
    `endsOn (${endsOn}) must be on or after startsOn (${startsOn})`,
    'endsOn',
    { startsOn, endsOn },
  );
}
