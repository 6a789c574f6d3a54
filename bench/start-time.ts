/**
 * Time to first answer of the real start: `node --import tsx src/index.ts` in terminal mode (no
 * Slack credentials), over a knowledge directory whose persisted index is already written, with
 * one question on stdin. Measured from spawn to the first line of the answer on stdout.
 */
import { spawn } from 'node:child_process';

/** One start, timed. */
export interface StartTiming {
  /** Spawn to the first answer line on stdout (ms). */
  firstAnswerMs: number;
  /** Spawn to the banner (the index is open) (ms). */
  bannerMs: number;
  /** What the start said about its index on stderr ("index loaded in 412 ms"). */
  indexLine: string;
  /** The first answer line. */
  answer: string;
}

/** Starts Briefing on `knowledgeDir` (with `dataDir` for its store), asks `question`, and times the answer. */
export function timeStart(knowledgeDir: string, dataDir: string, question: string, timeoutMs = 120_000): Promise<StartTiming> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('SLACK_') && k !== 'DATABASE_URL') env[k] = v;
  Object.assign(env, { KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let bannerMs = -1;
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs} ms; stderr: ${err.slice(-500)}`)), timeoutMs);
    const finish = (e: Error | undefined, timing?: StartTiming): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill();
      if (e) reject(e);
      else resolve(timing as StartTiming);
    };
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const banner = out.indexOf('"exit" quits.\n');
      if (banner < 0) return;
      if (bannerMs < 0) bannerMs = performance.now() - started;
      // After the banner (and its note when the store is not available), the answer.
      const complete = out.slice(banner + '"exit" quits.\n'.length, out.lastIndexOf('\n') + 1);
      const line = complete.split('\n').find((l) => l.trim() !== '' && !l.startsWith('(Stories are not available'));
      if (line === undefined) return;
      finish(undefined, { firstAnswerMs: performance.now() - started, bannerMs, indexLine: /index [^\n]*/.exec(err)?.[0] ?? '', answer: line });
    });
    child.on('close', (code) => finish(new Error(`the start exited (${String(code)}) before answering; stderr: ${err.slice(-500)}`)));
    child.stdin.end(`${question}\n`);
  });
}
