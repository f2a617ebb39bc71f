import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI generated from the controllers and DTOs, served as Swagger UI at /docs. */
export function useOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Roundtable API')
    .setDescription(
      'Listening events and roundtables: venues, events, invitations, registrations and testimony.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
