import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.service';
import { validateEnv } from './env.schema';

/**
 * Validates the environment when an app builds its module tree, not when a file is imported, so
 * the domain libraries (and their unit tests) can be imported without any configuration.
 */
@Global()
@Module({})
export class PlatformConfigModule {
  static forRoot(): DynamicModule {
    return {
      module: PlatformConfigModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv, ignoreEnvFile: true }),
      ],
      providers: [AppConfig],
      exports: [AppConfig],
    };
  }
}
