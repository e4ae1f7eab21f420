import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './redis-server';

/** The newest PostgreSQL server binaries on this machine (Debian keeps them per version), or PG_BIN. */
function binaries(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries found: set PG_BIN');
  return join(root, versions[0], 'bin');
}

/**
 * A private PostgreSQL cluster a test may restart, so that a database outage is real without
 * touching the server other test files use. PostgreSQL refuses to run as root, so under root
 * its commands run as the `postgres` user.
 */
export class PostgresServer {
  private readonly bin = binaries();
  private readonly dir = mkdtempSync(join(tmpdir(), 'kz-pg-'));
  private readonly asRoot = process.getuid?.() === 0;

  private constructor(readonly port: number) {}

  static async start(): Promise<PostgresServer> {
    const server = new PostgresServer(await freePort());
    if (server.asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(server.dir, uid, gid);
    }
    server.run('initdb', ['-D', server.data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    server.pgCtl('start');
    return server;
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /**
   * Restarts the server the way an operator or a failover does: every connection is cut, and
   * the server stays away for `downMs`. The event loop keeps running meanwhile, so requests
   * can be made while the server is away.
   */
  async restart(downMs = 0): Promise<void> {
    for (const action of ['stop', 'start'] as const) {
      const [command, args] = this.command('pg_ctl', this.pgCtlArgs(action));
      await promisify(execFile)(command, args);
      if (action === 'stop') await new Promise((resolve) => setTimeout(resolve, downMs));
    }
  }

  stop(): void {
    try {
      this.pgCtl('stop');
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  private pgCtl(action: 'start' | 'stop'): void {
    this.run('pg_ctl', this.pgCtlArgs(action));
  }

  private pgCtlArgs(action: 'start' | 'stop'): string[] {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    return ['-D', this.data, '-l', join(this.dir, 'log'), '-w', '-m', 'fast', '-o', options, action];
  }

  private run(command: string, args: string[]): void {
    const [file, all] = this.command(command, args);
    execFileSync(file, all, { stdio: 'ignore' });
  }

  private command(command: string, args: string[]): [string, string[]] {
    const path = join(this.bin, command);
    return this.asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  }
}
