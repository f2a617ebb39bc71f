import { ChangeConsentDto, QUOTE_CONSENTS, valuesOf, type ReceiptView } from '@roundtable/testimony';
import { plainToInstance } from 'class-transformer';
import { FormErrors } from '../forms/form-errors';
import { listField, textField } from '../forms/form-fields';
import { CONSENT_CHOICES } from './testimony-form';

export const CONSENT_FORM_FIELDS = ['quoteConsent', 'consents'] as const;

export interface ConsentFormValues {
  quoteConsent: string;
  consents: string[];
}

/** The form as it opens: their consent as it stands. */
export function consentFormOf(receipt: ReceiptView): ConsentFormValues {
  const { consent } = receipt;
  return {
    quoteConsent: consent.quote,
    consents: [
      ...(consent.contact ? ['contact'] : []),
      ...(consent.shareWithAuthority ? ['share-with-authority'] : []),
      ...(consent.casework ? ['casework'] : []),
    ],
  };
}

export function readConsentForm(body: unknown): ConsentFormValues {
  return { quoteConsent: textField(body, 'quoteConsent'), consents: listField(body, 'consents') };
}

/**
 * Every part of their consent, as the form now says it: an unticked box is a withdrawal. With no
 * email address on file, the office cannot write back, so contact and casework cannot be asked for.
 */
export function parseConsentForm(
  values: ConsentFormValues,
  hasEmail: boolean,
): { errors: FormErrors; input?: ChangeConsentDto } {
  const errors = new FormErrors();
  if (!(valuesOf(QUOTE_CONSENTS) as string[]).includes(values.quoteConsent))
    errors.add('quoteConsent', 'Select whether we may quote what you wrote');
  const known: readonly string[] = CONSENT_CHOICES.map((choice) => choice.value);
  if (values.consents.some((consent) => !known.includes(consent)))
    errors.add('consents', 'Select what you agree to from the list');
  const asksToWriteBack = values.consents.includes('contact') || values.consents.includes('casework');
  if (!hasEmail && asksToWriteBack)
    errors.add(
      'consents',
      'We do not have an email address for you, so we cannot get in touch: untick “contact me” and “casework”',
    );
  if (errors.any) return { errors };
  const input = plainToInstance(ChangeConsentDto, {
    quote: values.quoteConsent,
    contact: values.consents.includes('contact'),
    shareWithAuthority: values.consents.includes('share-with-authority'),
    casework: values.consents.includes('casework'),
  });
  return { errors, input };
}
