import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/**
 * Ids in paths are UUIDs. One that is not cannot name anything, so it is a 404 that says so,
 * rather than a database error.
 */
export function uuidPipe(thing: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new NotFoundException(`no ${thing} with that id: ids look like 3f2b…-…, check the link`),
  });
}
