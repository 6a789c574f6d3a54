import dotenv from 'dotenv';
import { describeArticles, runTerminal, type TerminalStories } from './cli/terminal.ts';
import { openBriefer } from './cli/load-briefer.ts';
import type { Briefer } from './answer/reply.ts';
import { parseConfig, type Config } from './config.ts';
import { BriefingError } from './errors.ts';

/** The terminal's stories on the store (the embedded one in DATA_DIR by default); without it, the terminal still answers. */
async function openTerminalStories(config: Config, briefer: Briefer): Promise<TerminalStories> {
  const [{ openStore }, { createTeamBriefers }, { createStories }] = await Promise.all([import('./store/index.ts'), import('./stories/team-briefers.ts'), import('./stories/stories.ts')]);
  try {
    const store = await openStore({ dataDir: config.store.dataDir, ...(config.store.databaseUrl ? { databaseUrl: config.store.databaseUrl } : {}), owner: `terminal:${process.pid}`, warn: (m) => console.error(`Briefing: ${m}`) });
    const teams = createTeamBriefers({ store, bundled: briefer });
    return { store, teams, stories: createStories({ store, briefers: teams, limits: config.articles }) };
  } catch (err) {
    return { unavailable: `${(err as Error).message} (answers still work)` };
  }
}

/** Composition root: config → knowledge → store → Slack check → app → listeners → scheduler. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = parseConfig(process.env);
  const terminal = config.mode.kind === 'terminal';
  // What it answers from, and how its index was made ready: with the terminal on stderr (stdout is the conversation), for Slack with the other start-up lines.
  const say = (line: string): void => (terminal ? console.error(`Briefing: ${line}`) : console.log(`Briefing: ${line}`));
  const { briefer, opened } = openBriefer(config.knowledgeDir, say);
  say(`index ${opened.how} in ${Math.round(opened.ms)} ms${opened.reason ? ` (${opened.reason})` : ''}`);
  if (config.mode.kind === 'terminal') {
    const stories = await openTerminalStories(config, briefer);
    try {
      await runTerminal(briefer, process.stdin, process.stdout, process.stdin.isTTY === true, stories);
    } finally {
      if (!('unavailable' in stories)) await stories.store.close();
    }
    return;
  }
  say(`answering from\n${describeArticles(briefer.index)}`);
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
