import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function messages(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    // class-validator runs a field's checks from the last declared up to the first. The first
    // declared is its type ("must be text", "must be a whole number"), which says most plainly
    // what to fix when several fail (a name of 42 is not "too short"), so report that one alone.
    const own = Object.values(error.constraints ?? {})
      .slice(-1)
      .map((message) =>
        // class-validator says "property x should not exist"; say what to do instead.
        message === `property ${error.property} should not exist`
          ? `${path} is not a field we accept: remove it`
          : message,
      );
    return [...own, ...messages(error.children ?? [], path)];
  });
}

/** Unknown fields are refused (not silently dropped), and types are converted before checks. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors) => new BadRequestException(messages(errors)),
});
