import type { Testimony } from './testimony.entity';

/**
 * A testimony as every way in hands it to TestimonyWriter, in plain text: the writer gives it an
 * id, seals the free text under that id and tags its themes, so no caller seals anything itself.
 * Theme ids must already be checked (active themes that exist).
 */
export type NewTestimony = Pick<
  Testimony,
  | 'source'
  | 'role'
  | 'area'
  | 'onBehalfOfYoungPerson'
  | 'assessmentWaitWeeks'
  | 'planWaitWeeks'
  | 'deadline'
  | 'tribunal'
  | 'ageBand'
  | 'schoolPhase'
  | 'quoteConsent'
  | 'contactConsent'
  | 'shareWithAuthority'
  | 'caseworkRequested'
> &
  Partial<
    Pick<
      Testimony,
      | 'campaignId'
      | 'eventId'
      | 'registrationId'
      | 'safeguardingFlag'
      | 'flaggedAt'
      | 'receiptNonce'
      | 'receiptKeyId'
      | 'receiptTokenHash'
      | 'enteredById'
      | 'externalRef'
      | 'submittedAt'
    >
  > & {
    story: string;
    name?: string | null;
    email?: string | null;
    themeIds: readonly string[];
  };
