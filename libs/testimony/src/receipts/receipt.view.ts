import type { FieldCipher } from '../encryption/field-cipher';
import { EMAIL_SEALED, NAME_SEALED, STORY_SEALED, type Testimony } from '../testimonies/testimony.entity';

/** What the holder of a receipt link sees: their own words and choices, opened for them. */
export interface ReceiptView {
  submittedAt: string;
  role: string;
  area: string | null;
  onBehalfOf: boolean;
  themes: Array<{ slug: string; name: string }>;
  story: string;
  name: string | null;
  email: string | null;
  answers: {
    assessmentWaitWeeks: number | null;
    planWaitWeeks: number | null;
    deadline: string | null;
    tribunal: string | null;
    ageBand: string | null;
    schoolPhase: string | null;
  };
  consent: { quote: string; contact: boolean; shareWithAuthority: boolean; casework: boolean };
  event: { id: string; title: string } | null;
  campaign: { id: string; title: string } | null;
}

/** `testimony.event` and `testimony.campaign` must be loaded when their ids are set. */
export function toReceiptView(
  testimony: Testimony,
  themes: Array<{ slug: string; name: string }>,
  cipher: FieldCipher,
): ReceiptView {
  const { id, event, campaign } = testimony;
  return {
    submittedAt: testimony.submittedAt.toISOString(),
    role: testimony.role,
    area: testimony.area,
    onBehalfOf: testimony.onBehalfOfYoungPerson,
    themes,
    story: STORY_SEALED.open(cipher, id, testimony.story),
    name: NAME_SEALED.open(cipher, id, testimony.name),
    email: EMAIL_SEALED.open(cipher, id, testimony.email),
    answers: {
      assessmentWaitWeeks: testimony.assessmentWaitWeeks,
      planWaitWeeks: testimony.planWaitWeeks,
      deadline: testimony.deadline,
      tribunal: testimony.tribunal,
      ageBand: testimony.ageBand,
      schoolPhase: testimony.schoolPhase,
    },
    consent: {
      quote: testimony.quoteConsent,
      contact: testimony.contactConsent,
      shareWithAuthority: testimony.shareWithAuthority,
      casework: testimony.caseworkRequested,
    },
    event: event ? { id: event.id, title: event.title } : null,
    campaign: campaign ? { id: campaign.id, title: campaign.title } : null,
  };
}
