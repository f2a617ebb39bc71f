import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function messages(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      // class-validator says "property x should not exist"; say what to do instead.
      message === `property ${error.property} should not exist` ? `${path} is not a field we accept: remove it` : message,
    );
    return [...own, ...messages(error.children ?? [], path)];
  });
}

/** Unknown fields are refused (not silently dropped), and types are converted before checks. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  stopAtFirstError: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  exceptionFactory: (errors) => new BadRequestException(messages(errors)),
});
