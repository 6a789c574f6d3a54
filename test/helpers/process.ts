import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A Briefing process started by a test, with its output collected as it comes. */
export interface AppProcess {
  proc: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** True once it has exited. */
  done(): boolean;
  /** Ends it (and, when started through npm, its children) if it still runs. */
  kill(): void;
}

/** A TCP port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * Starts `npm start`'s command as a person would (`node --import tsx src/index.ts`, or another
 * `script`), or `npm start` itself, with `env` over a clean environment (no Slack variables from
 * the developer's shell).
 */
export function spawnApp(env: Record<string, string>, how: 'node' | 'npm' = 'node', script = 'src/index.ts'): AppProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK_|DIGEST_|DATA_DIR|DATABASE_URL|PORT|LOG_LEVEL|SHUTDOWN_)/.test(k)));
  const [cmd, args] = how === 'npm' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', script]];
  // Its own process group, so a test can end npm and everything under it by the group's id.
  const proc = spawn(cmd, args as string[], { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stdout: string[] = [];
  const stderr: string[] = [];
  proc.stdout?.on('data', (d: Buffer) => stdout.push(...d.toString('utf8').split('\n').filter(Boolean)));
  proc.stderr?.on('data', (d: Buffer) => stderr.push(...d.toString('utf8').split('\n').filter(Boolean)));
  let finished = false;
  const exited = new Promise<number | string>((resolve) => {
    proc.on('exit', (code, signal) => {
      finished = true;
      resolve(code ?? signal ?? -1);
    });
  });
  return {
    proc,
    stdout,
    stderr,
    exited,
    done: () => finished,
    kill: () => {
      // The group, even if its leader (npm) has exited: the app under it may still run.
      if (proc.pid === undefined) return;
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}
