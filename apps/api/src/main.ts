import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@roundtable/platform';
import { AppModule } from './app.module';
import { configureApi } from './bootstrap';

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApi(app);
  const config = app.get(AppConfig);
  await app.listen(config.get('PORT'), config.get('HOST'));
}

main().catch((error: unknown) => {
  // Before the logger exists (e.g. invalid configuration) stderr is all there is.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
