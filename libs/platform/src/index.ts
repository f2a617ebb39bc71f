export { Clock, FixedClock, SystemClock } from './clock/clock';
export { AppConfig } from './config/app-config.service';
export { InvalidEnvironmentError, validateEnv, type Env } from './config/env.schema';
export { MIN_LINK_KEY_BYTES, type LinkKey } from './config/link-keys';
export { DEMO_OFFICE } from './config/office-settings';
export { type ServerKey } from './config/server-keys';
export { TESTIMONY_KEY_BYTES, type TestimonyKey } from './config/testimony-keys';
export { MigrationRunner, runMigrationsExclusively } from './database/migration-runner';
export { entityColumnsSql, entityFromRow } from './database/entity-columns';
export { SqlParams } from './database/sql-params';
export { postgresOptions } from './database/typeorm-options';
export { APP_NODE_OPTIONS, appNodeOptions } from './processes/node-options';
export { redactUrl } from './logging/redact-url';
export { RequestContext } from './logging/request-context';
export { isSafeRequestId } from './logging/request-id';
export { PlatformModule } from './platform.module';
export { failFastRedisOptions, redisOptionsFromUrl } from './redis/redis-options';
export { producerQueueOptions } from './queue/producer-queue-options';
export { RedisService } from './redis/redis.service';
export {
  isDatabaseUnavailable,
  isExclusionViolation,
  isUndefinedFunction,
  isUniqueViolation,
} from './database/postgres-errors';
export {
  BRIEFLY_UNAVAILABLE_MESSAGE,
  RetryLaterException,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from './http/retry-later.exception';
export { PageQueryDto, type Page } from './http/page-query.dto';
export {
  LONDON,
  formatLondonDate,
  formatLondonRange,
  formatLondonTime,
  londonIso,
  londonLocalToUtc,
  toLondon,
  type LocalTimeResult,
} from './time/london-time';
export { hashSecretToken, newSecretToken } from './secret-token';
export { checkEmailAddress, EMAIL_ADDRESS_MAX, normaliseEmail } from './email-address';
export {
  checkPersonName,
  checkText,
  EmailAddress,
  MultiLineText,
  normalisePersonName,
  normaliseText,
  PERSON_NAME_MAX,
  PersonName,
  personNameMessage,
  SingleLineText,
  stripUnsafeCharacters,
  textLength,
  type TextCheck,
  type TextFieldOptions,
  type TextProblem,
  type TextRule,
} from './text';
export {
  assertNoProblems,
  DomainError,
  FixedRefusal,
  InvalidInput,
  ruleBroken,
  type DomainErrorKind,
  type RuleBroken,
} from './errors/domain-error';
export {
  DerivedLinkKeys,
  UnknownLinkKeyError,
  type DerivedLinkSeed,
  type NewDerivedLinkSeed,
} from './links/derived-link-keys';
export { runInProcesses } from './processes/process-cluster';
