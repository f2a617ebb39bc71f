import { NotFoundException, PipeTransform } from '@nestjs/common';

/** The shape of a manage link's secret: `rtm_` and 43 base64url characters (256 bits). */
const MANAGE_TOKEN = /^rtm_[A-Za-z0-9_-]{43}$/;

/**
 * A token that cannot be one is a 404 without a database query. The message is never shown:
 * ManageNotFoundFilter answers with the manage pages' own "we cannot find it" page.
 */
export class ManageTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!MANAGE_TOKEN.test(value))
      throw new NotFoundException('this link does not match a registration: check it is complete');
    return value;
  }
}
