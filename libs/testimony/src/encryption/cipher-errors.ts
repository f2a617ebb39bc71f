import { describeFieldAddress, type FieldAddress } from './field-address';

/**
 * Why a stored value could not be read. These are faults of the server or its data, never of the
 * person asking, so they are plain errors (a 500 with the request id logged), not domain refusals
 * that the API would turn into a 4xx. Messages carry the key id and the address, never the value.
 */
export abstract class SealedValueError extends Error {
  protected constructor(
    message: string,
    readonly at: FieldAddress,
  ) {
    super(`${describeFieldAddress(at)}: ${message}`);
    this.name = new.target.name;
  }
}

/** The value was sealed under a key TESTIMONY_KEYS no longer lists (rotated out too soon). */
export class UnknownTestimonyKey extends SealedValueError {
  constructor(
    readonly keyId: string,
    at: FieldAddress,
  ) {
    super(`sealed under key "${keyId}", which TESTIMONY_KEYS does not list`, at);
  }
}

/** The text is not in the layout this code writes (truncated, another version, not base64url). */
export class MalformedSealedValue extends SealedValueError {
  constructor(
    readonly problem: string,
    at: FieldAddress,
  ) {
    super(`is not a sealed value: ${problem}`, at);
  }
}

/**
 * The value is in the right layout but fails authentication: its IV, tag or ciphertext was
 * altered, it was moved here from another row or field, or its key id names a different key.
 */
export class TamperedSealedValue extends SealedValueError {
  constructor(at: FieldAddress) {
    super('failed its integrity check: altered, moved from another row or field, or under another key', at);
  }
}

/** Something asked to encrypt or read testimony, and TESTIMONY_KEYS is not set. */
export class TestimonyKeysNotSet extends Error {
  constructor() {
    super(
      'TESTIMONY_KEYS is not set, so testimony cannot be encrypted or read (see README, "Testimony keys")',
    );
    this.name = new.target.name;
  }
}
