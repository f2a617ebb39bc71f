import { Injectable, type PipeTransform } from '@nestjs/common';
import { ReceiptLinkKeys, ReceiptLinkNotFound } from '@roundtable/testimony';

/**
 * A token that cannot be a receipt link (`rtr_` and 43 base64url characters) is a 404 without a
 * database query, said as for a token that matches nothing.
 */
@Injectable()
export class ReceiptTokenPipe implements PipeTransform<string, string> {
  constructor(private readonly links: ReceiptLinkKeys) {}

  transform(value: string): string {
    if (!this.links.hasShape(value)) throw new ReceiptLinkNotFound();
    return value;
  }
}
