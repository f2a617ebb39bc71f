import { Injectable, Logger } from '@nestjs/common';
import { hashSecretToken } from '@roundtable/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { Registration } from '../registrations/registration.entity';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { ManageLinkKeys, type NewLinkSeed } from './manage-link-keys';

type Seeded = Pick<Registration, 'id' | 'linkNonce' | 'linkKeyId'>;

/**
 * A registration's manage link, derived whenever a message needs it. A row that cannot be derived
 * (made before derived links, or under a key since taken out of LINK_KEYS) is given a new seed
 * first: its email then carries a working link, and older links to it stop working.
 */
@Injectable()
export class ManageLinks {
  private readonly logger = new Logger(ManageLinks.name);

  constructor(
    private readonly keys: ManageLinkKeys,
    private readonly registrations: RegistrationsRepository,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * The registration a manage link opens, or null. A link made under a key that LINK_KEYS no
   * longer lists opens nothing, even though its hash is still on the row (see README, "Rotating
   * LINK_KEYS"); the row gets a new link the next time it is emailed.
   */
  async findByToken(manager: EntityManager, token: string, lock = false): Promise<Registration | null> {
    const registration = await this.registrations.findByTokenHash(manager, hashSecretToken(token), lock);
    return registration && !this.keys.isRevoked(registration) ? registration : null;
  }

  /** A new registration's seed: put its three fields on the row. */
  newSeed(): NewLinkSeed {
    return this.keys.newSeed();
  }

  /** The person's working token, seeding the row first when it has no usable seed. */
  async tokenFor(registration: Seeded, manager: EntityManager = this.dataSource.manager): Promise<string> {
    let current: Seeded = registration;
    // Two workers seeding one row at once: the loser reads the winner's seed and derives that.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (this.keys.canDerive(current)) return this.keys.tokenFor(current);
      const seed = this.keys.newSeed();
      if (await this.registrations.reseedLink(manager, current.id, current, seed)) {
        Object.assign(registration, { linkNonce: seed.linkNonce, linkKeyId: seed.linkKeyId });
        this.logger.log(
          `Registration ${current.id}: given a new manage link; older links to it no longer work`,
        );
        return this.keys.tokenFor(seed);
      }
      const fresh = await this.registrations.linkSeedOf(manager, current.id);
      if (!fresh) throw new Error(`registration ${current.id} no longer exists`);
      current = fresh;
    }
    throw new Error(`registration ${registration.id}: could not settle its manage link`);
  }
}
