import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runInProcesses, validateEnv } from '@roundtable/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Closes BullMQ workers (finishing or returning in-flight jobs) and connections on SIGTERM.
  app.enableShutdownHooks();
}

try {
  // WORKER_PROCESSES of them take jobs from the same queues; the configuration is checked once, first.
  runInProcesses('worker', validateEnv(process.env).WORKER_PROCESSES, main);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
