import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

// A real hash to compare against when the account does not exist, so sign-in takes as long for
// an unknown email as for a wrong password and does not reveal who has an account.
const DECOY_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$EqGl74ENeQ+FJvIeME0Vvg$WoJFWQo6G+IpGRMhk28FDKdpzktMlE3L30JxAfTiHAk';

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      return (await argon2.verify(hash ?? DECOY_HASH, password)) && hash !== null;
    } catch {
      return false;
    }
  }
}
