import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, runInProcesses, validateEnv } from '@roundtable/platform';
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

try {
  // API_PROCESSES of them share the port; the configuration is checked once, here, first.
  runInProcesses('api', validateEnv(process.env).API_PROCESSES, main);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
