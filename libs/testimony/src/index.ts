export {
  MalformedSealedValue,
  SealedValueError,
  TamperedSealedValue,
  TestimonyKeysNotSet,
  UnknownTestimonyKey,
} from './encryption/cipher-errors';
export { EncryptedColumn } from './encryption/encrypted-column';
export { type FieldAddress } from './encryption/field-address';
export { FieldCipher } from './encryption/field-cipher';
