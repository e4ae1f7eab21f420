import type { Environment } from './environment';

/**
 * Typed read access to the environment, validated when the process builds its
 * application (not when modules are imported, so tests can point it elsewhere first).
 */
export class AppConfig {
  constructor(private readonly env: Environment) {}

  /** A setting that always has a value (validated or defaulted). */
  get<K extends keyof Environment>(key: K): Exclude<Environment[K], undefined> {
    const value = this.env[key];
    if (value === undefined) throw new Error(`Setting ${String(key)} is not set`);
    return value as Exclude<Environment[K], undefined>;
  }

  /** A setting that may be absent, such as MEILI_HOST. */
  optional<K extends keyof Environment>(key: K): Environment[K] | undefined {
    return this.env[key];
  }
}
