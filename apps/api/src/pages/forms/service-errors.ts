import { BadRequestException, ConflictException } from '@nestjs/common';
import { validate, type ValidationError } from 'class-validator';

/**
 * The messages of a refusal a form can explain (400: bad input, 409: a clash or a state that
 * forbids the change), or undefined for anything else, which should stay an error page.
 */
export function refusalMessages(error: unknown): string[] | undefined {
  if (!(error instanceof BadRequestException) && !(error instanceof ConflictException)) return undefined;
  const response = error.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.filter((item): item is string => typeof item === 'string');
  return [typeof message === 'string' ? message : error.message];
}

/**
 * Runs a DTO's class-validator checks, the same ones the JSON API applies, and returns each failing
 * property with its message. Like the API, only the first-declared failing check per property
 * is kept: it says most plainly what is wrong.
 */
export async function dtoProblems(dto: object): Promise<Array<{ property: string; message: string }>> {
  const errors: ValidationError[] = await validate(dto, { forbidUnknownValues: false });
  return errors.map((error) => ({
    property: error.property,
    message: Object.values(error.constraints ?? {}).slice(-1)[0] ?? '',
  }));
}

/** Service messages start in lower case ("postcode must be…"); a page's sentences do not. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
