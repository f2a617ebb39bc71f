import { PipeTransform } from '@nestjs/common';
import { RegistrationLinkNotFound } from '@roundtable/registrations';

/** The shape of a manage link's secret: `rtm_` and 43 base64url characters (256 bits). */
const MANAGE_TOKEN = /^rtm_[A-Za-z0-9_-]{43}$/;

/**
 * A token that cannot be one is a 404 without a database query, said as for a token that matches
 * nothing. The manage pages answer it with their own "we cannot find it" page (ManageNotFoundFilter).
 */
export class ManageTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!MANAGE_TOKEN.test(value)) throw new RegistrationLinkNotFound();
    return value;
  }
}
