import type {
  QuoteConsent,
  RespondentRole,
  SafeguardingFlag,
  TestimonySource,
  TestimonyStatus,
} from '../testimonies/testimony-vocabulary';

/** A theme as a testimony shows it: the theme it was tagged with, by its current name. */
export interface TaggedTheme {
  id: string;
  name: string;
  status: 'active' | 'retired';
}

/**
 * One testimony as the staff list shows it: the plain fields only, never the story, the
 * redaction, a name or an email (the list is read many times; only opening one is a read).
 */
export interface TestimonySummary {
  id: string;
  submittedAt: Date;
  source: TestimonySource;
  role: RespondentRole;
  area: string | null;
  onBehalfOfYoungPerson: boolean;
  themes: TaggedTheme[];
  status: TestimonyStatus;
  quoteConsent: QuoteConsent;
  contactConsent: boolean;
  shareWithAuthority: boolean;
  caseworkRequested: boolean;
  safeguardingFlag: SafeguardingFlag | null;
  hasRedaction: boolean;
  quoteSelected: boolean;
  campaignId: string | null;
  event: { id: string; title: string } | null;
  /** It came through a registration's manage link, and that registration is marked attended. */
  attendedEvent: boolean;
}
