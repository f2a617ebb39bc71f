import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/**
 * argon2id's cost: argon2's own defaults (64 MiB, 3 passes, 4 lanes), above OWASP's minimum.
 * Injected, not read from the environment, so no setting can weaken it in production; the test
 * api replaces it with OWASP's minimum (see test/support/test-app.ts), still real argon2id.
 */
@Injectable()
export class PasswordHashCost {
  readonly memoryCost: number = 65_536;
  readonly timeCost: number = 3;
  readonly parallelism: number = 4;
}

@Injectable()
export class PasswordHasher {
  /**
   * A real hash to compare against when the account does not exist, so sign-in takes as long for
   * an unknown email as for a wrong password and does not reveal who has an account. Made at
   * start-up with the same cost as every stored hash (on argon2's own threads), and of a random
   * secret, so it matches no password.
   */
  private readonly decoy: Promise<string>;

  constructor(private readonly cost: PasswordHashCost) {
    this.decoy = this.hash(randomUUID());
    // Not left unhandled: should it ever fail, verify refuses every sign-in instead.
    this.decoy.catch(() => undefined);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.cost.memoryCost,
      timeCost: this.cost.timeCost,
      parallelism: this.cost.parallelism,
    });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      return (await argon2.verify(hash ?? (await this.decoy), password)) && hash !== null;
    } catch {
      return false;
    }
  }
}
