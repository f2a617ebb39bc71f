import { DomainError, FixedRefusal, ruleBroken, type RuleBroken } from '@roundtable/platform';

/** The testimony library's refusals, each naming its rule and the facts it was broken with. */

export class ThemeNotFound extends DomainError {
  constructor(readonly themeId: string) {
    super('not-found', 'theme-exists', `no theme with id ${themeId}`, { data: { themeId } });
  }
}

/** Names and slugs are unique across every theme, retired ones too, so history never reads two ways. */
export class ThemeNameTaken extends DomainError {
  constructor(readonly existing: { id: string; name: string; status: string }) {
    super(
      'conflict',
      'theme-name-unique',
      `a theme called "${existing.name}" already exists${existing.status === 'retired' ? ' (retired)' : ''} (${existing.id}): choose another name`,
      { field: 'name', data: { existingThemeId: existing.id, status: existing.status } },
    );
  }
}

export class ThemeAlreadyRetired extends DomainError {
  constructor(readonly theme: { id: string; name: string; mergedIntoId: string | null }) {
    super(
      'conflict',
      'retire-once',
      theme.mergedIntoId
        ? `the theme "${theme.name}" is already merged into another theme (${theme.mergedIntoId}) and retired`
        : `the theme "${theme.name}" is already retired`,
      { data: { themeId: theme.id, mergedIntoId: theme.mergedIntoId } },
    );
  }
}

export class MergeIntoItself extends FixedRefusal(
  'invalid',
  'merge-into-another-theme',
  'intoId is the theme being merged: merge a theme into a different one',
  { field: 'intoId' },
) {}

export class MergeIntoRetiredTheme extends DomainError {
  constructor(readonly into: { id: string; name: string; mergedIntoId: string | null }) {
    super(
      'conflict',
      'merge-into-active-theme',
      into.mergedIntoId
        ? `the theme "${into.name}" was itself merged into ${into.mergedIntoId}: merge into that theme instead`
        : `the theme "${into.name}" is retired: merge into an active theme`,
      { field: 'intoId', data: { intoId: into.id, mergedIntoId: into.mergedIntoId } },
    );
  }
}

/** A merge is one step: a theme others were merged into stays, so no testimony is two hops away. */
export class MergeWouldChain extends DomainError {
  constructor(
    readonly source: { id: string; name: string },
    readonly into: { id: string; name: string },
    readonly mergedInIds: readonly string[],
  ) {
    super(
      'conflict',
      'merge-one-step',
      `other themes were merged into "${source.name}" (${mergedInIds.join(', ')}), so it cannot be merged in turn: merge "${into.name}" into "${source.name}" instead`,
      { data: { themeId: source.id, intoId: into.id, mergedInIds } },
    );
  }
}

/** An intoId in the input that matches no theme (bad input, not a missing resource). */
export function unknownTheme(field: string, themeId: string): RuleBroken {
  return ruleBroken('theme-exists', `${field} ${themeId} does not match any theme`, field, { themeId });
}

export function themeNameNeedsLetters(): RuleBroken {
  return ruleBroken(
    'theme-name-has-letters',
    'name must contain at least one letter or digit from A to Z or 0 to 9',
    'name',
  );
}

/** A receipt link that opens nothing: never issued, erased, or made under a key since rotated out. */
export class ReceiptLinkNotFound extends FixedRefusal(
  'not-found',
  'receipt-link-exists',
  'no testimony for this link: it may have been erased, or the link was not copied in full',
) {}

export class TestimonyNotFound extends DomainError {
  constructor(readonly testimonyId: string) {
    super('not-found', 'testimony-exists', `no testimony with id ${testimonyId}`, { data: { testimonyId } });
  }
}

export class CaseworkReferralNotFound extends DomainError {
  constructor(readonly referralId: string) {
    super('not-found', 'casework-referral-exists', `no casework referral with id ${referralId}`, {
      data: { referralId },
    });
  }
}

/**
 * A quote goes in the report only with the person's consent to be quoted anonymously, and only in
 * the words staff redacted: never the original story.
 */
export class QuoteNotAllowed extends DomainError {
  constructor(
    readonly testimonyId: string,
    readonly reason: 'no-quote-consent' | 'no-redaction',
  ) {
    super(
      'conflict',
      'quote-needs-consent-and-redaction',
      reason === 'no-quote-consent'
        ? 'quoteSelected can be true only when the person agreed to be quoted anonymously; this testimony may not be quoted'
        : 'quoteSelected can be true only once the story has a redaction: send redactedStory first (or with it)',
      { field: 'quoteSelected', data: { testimonyId, reason } },
    );
  }
}

export class NothingToChange extends FixedRefusal(
  'invalid',
  'patch-changes-something',
  'send at least one of themeIds, status, redactedStory, note, quoteSelected or safeguardingFlag',
) {}

export function retiredTheme(field: string, themeId: string): RuleBroken {
  return ruleBroken(
    'theme-active',
    `${field} ${themeId} is a retired theme: tag with an active theme instead`,
    field,
    { themeId },
  );
}

/** A redaction takes words out; a little room is left for markers such as "[name removed]". */
export function redactionTooLong(max: number): RuleBroken {
  return ruleBroken(
    'redaction-not-longer-than-story',
    `redactedStory must be at most ${max} characters: a redaction is the story with identifying details taken out, so it may be only a little longer than the story`,
    'redactedStory',
    { max },
  );
}

/** Theme slugs in the input that name no active theme, all named at once. */
export function unknownThemes(slugs: readonly string[]): RuleBroken {
  return ruleBroken(
    'theme-active',
    `themes ${slugs.join(', ')} ${slugs.length === 1 ? 'is not an active theme' : 'are not active themes'}: choose from GET /api/v1/public/themes`,
    'themes',
    { slugs },
  );
}

export function eventNotPublished(field: string, eventId: string): RuleBroken {
  return ruleBroken('event-published', `${field} ${eventId} is not a published event`, field, { eventId });
}

export function campaignNotPublished(campaignId: string): RuleBroken {
  return ruleBroken(
    'campaign-published',
    `campaignId ${campaignId} is not a published campaign`,
    'campaignId',
    {
      campaignId,
    },
  );
}

export function campaignNotTheEvents(campaignId: string, eventCampaignId: string | null): RuleBroken {
  return ruleBroken(
    'campaign-of-the-event',
    `campaignId ${campaignId} is not the campaign of that event: leave campaignId out, the event's campaign is used`,
    'campaignId',
    { campaignId, eventCampaignId },
  );
}

export function registrationLinkUnknown(): RuleBroken {
  return ruleBroken(
    'registration-link-exists',
    'registrationToken matches no registration: open the form again from your manage link',
    'registrationToken',
  );
}

export function eventNotTheRegistrations(): RuleBroken {
  return ruleBroken(
    'event-of-the-registration',
    'eventId is not the event of that registration: leave eventId out when you give registrationToken',
    'eventId',
  );
}

export function onBehalfNeedsParentOrCarer(): RuleBroken {
  return ruleBroken(
    'on-behalf-by-a-parent-or-carer',
    'onBehalfOf is for a parent or carer writing for a young person: set role to parent-carer, or leave onBehalfOf out',
    'onBehalfOf',
  );
}

export function onBehalfNeedsAgeBand(): RuleBroken {
  return ruleBroken(
    'on-behalf-with-age-band',
    "answers.ageBand is needed when writing on a young person's behalf",
    'answers.ageBand',
  );
}

/** Contact and casework mean the office writes back, so they need somewhere to write to. */
export function consentNeedsEmail(part: 'contact' | 'casework'): RuleBroken {
  return ruleBroken(
    'consent-needs-email',
    `consent.${part} needs an email address to reach you: give email, or set consent.${part} to false`,
    `consent.${part}`,
  );
}
