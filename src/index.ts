import dotenv from 'dotenv';
import { runTerminal } from './cli/terminal.ts';
import { loadBriefer } from './cli/load-briefer.ts';
import { parseConfig } from './config.ts';
import { BriefingError } from './errors.ts';

/** Composition root: config → knowledge → store → Slack check → app → listeners → scheduler. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = parseConfig(process.env);
  const briefer = loadBriefer(config.knowledgeDir);
  if (config.mode.kind === 'terminal') {
    await runTerminal(briefer, process.stdin, process.stdout, process.stdin.isTTY === true);
    return;
  }
  // Loaded only for Slack: the terminal starts without Bolt or the store.
  const { startBriefing } = await import('./slack/start.ts');
  const running = await startBriefing({ config: { ...config, mode: config.mode }, briefer });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      console.error(`Briefing: ${signal} again, exiting now without finishing`);
      process.exit(1);
    }
    running.stop(`${signal} received`).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`Briefing: error while stopping: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('unhandledRejection', (err) => console.error(`Briefing: unexpected error (still running): ${(err as Error)?.message ?? String(err)}`));
}

main().catch((err: unknown) => {
  // Expected failures are one line that says what to do; anything else names itself, with a stack only at LOG_LEVEL=debug.
  const e = err as Error;
  console.error(err instanceof BriefingError ? `Briefing cannot start: ${e.message}` : `Briefing cannot start: unexpected error: ${e?.message ?? String(err)}`);
  if (!(err instanceof BriefingError) && process.env.LOG_LEVEL === 'debug') console.error(e?.stack);
  process.exit(1);
});
