import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './redis-server';

const ROOT = join(__dirname, '..', '..');

export interface RunningProcess {
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/**
 * Runs an app entry point (`apps/api/src/main.ts`, `apps/worker/src/main.ts`) from source
 * in a child process, with the current process.env plus `env`.
 */
export function runApp(entry: string, env: Record<string, string> = {}): RunningProcess {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'tools', 'ts-register.js'), join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => printed,
    exited,
    async waitForOutput(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(printed)) {
        if (child.exitCode !== null) throw new Error(`${entry} exited early:\n${printed}`);
        if (Date.now() > deadline) throw new Error(`${entry} did not print ${pattern} in ${timeoutMs} ms:\n${printed}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** The api as a child process on a free port, once it listens, with its base URL. */
export async function startApiProcess(
  env: Record<string, string> = {},
): Promise<{ process: RunningProcess; url: string }> {
  const port = await freePort();
  const api = runApp('apps/api/src/main.ts', { PORT: String(port), LOG_LEVEL: 'info', ...env });
  await api.waitForOutput(/api listening/, 60_000);
  return { process: api, url: `http://127.0.0.1:${port}` };
}

/** A worker child process, once it has started. */
export async function startWorkerProcess(env: Record<string, string> = {}): Promise<RunningProcess> {
  const worker = runApp('apps/worker/src/main.ts', { LOG_LEVEL: 'info', ...env });
  await worker.waitForOutput(/worker started/, 60_000);
  return worker;
}

/** Asks every process still running to stop, and waits for all of them. */
export async function stopProcesses(processes: readonly RunningProcess[]): Promise<void> {
  for (const running of processes) if (running.child.exitCode === null) running.child.kill('SIGTERM');
  await Promise.all(processes.map((running) => running.exited));
}
