import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from './environment';

/** Typed read access to the validated environment. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  get<K extends keyof Environment>(key: K): Environment[K] {
    return this.config.getOrThrow(key, { infer: true });
  }

  optional<K extends keyof Environment>(key: K): Environment[K] | undefined {
    return this.config.get(key, { infer: true });
  }
}
