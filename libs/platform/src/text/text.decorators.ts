import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { checkEmailAddress } from '../email-address';
import { checkPersonName, normalisePersonName, type PersonNameRule } from './person-name';
import { checkText, normaliseText, type TextCheck } from './text-rules';

export interface TextFieldOptions {
  /** Most characters allowed once normalised. */
  max: number;
  /** "" is accepted (a field that may be cleared); a field that may be left out still needs ValidateIf. */
  allowEmpty?: boolean;
}

/**
 * One decorator per rule: the value is normalised when the body becomes a DTO, and checked in
 * its normalised form (so a DTO built without class-transformer is checked the same way). The
 * message is the rule's own, naming the field and what to fix.
 */
function textRuleDecorator(
  name: string,
  normalise: (value: string) => string,
  check: (value: unknown, field: string) => TextCheck,
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyKey) => {
    const field = String(propertyKey);
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalise(value) : value))(
      target,
      propertyKey,
    );
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: field,
      options: validationOptions,
      validator: {
        validate: (value: unknown) => check(value, field).ok,
        defaultMessage: (args) => {
          const result = check(args?.value, field);
          return result.ok ? '' : result.message;
        },
      },
    });
  };
}

/** One line of text: no line breaks, controls or invisible formatting; trimmed, NFC, at most `max`. */
export function SingleLineText(options: TextFieldOptions, validationOptions?: ValidationOptions) {
  return textRuleDecorator(
    'singleLineText',
    normaliseText,
    (value, field) => checkText(value, { field, max: options.max, optional: options.allowEmpty }),
    validationOptions,
  );
}

/** Paragraphs: as SingleLineText, but newlines (CRLF made LF) and tabs are kept. */
export function MultiLineText(options: TextFieldOptions, validationOptions?: ValidationOptions) {
  return textRuleDecorator(
    'multiLineText',
    normaliseText,
    (value, field) =>
      checkText(value, { field, max: options.max, optional: options.allowEmpty, multiLine: true }),
    validationOptions,
  );
}

/**
 * An email address (see checkEmailAddress): trimmed here; lower-casing, where wanted, is a
 * separate @Transform declared above this one, or the service's normaliseEmail.
 */
export function EmailAddress(validationOptions?: ValidationOptions) {
  return textRuleDecorator(
    'emailAddress',
    (value) => value.trim(),
    (value, field) => checkEmailAddress(value, field),
    validationOptions,
  );
}

/** A person's name (see checkPersonName): letters, spaces, hyphens, apostrophes, full stops. */
export function PersonName(rule: Omit<PersonNameRule, 'field'> = {}, validationOptions?: ValidationOptions) {
  return textRuleDecorator(
    'personName',
    normalisePersonName,
    (value, field) => checkPersonName(value, { ...rule, field }),
    validationOptions,
  );
}
