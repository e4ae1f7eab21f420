import { existsSync } from 'node:fs';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { validateEnvironment } from './environment';

/** Reads `.env` (when present) into process.env without overriding what is already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => new AppConfig(validateEnvironment(process.env)) }],
  exports: [AppConfig],
})
export class PlatformConfigModule {}
