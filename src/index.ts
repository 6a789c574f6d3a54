import dotenv from 'dotenv';
import type { Briefer } from './answer/reply.ts';
import type { TerminalStories } from './cli/terminal.ts';
import { parseConfig, type Config } from './config.ts';
import { BriefingError } from './errors.ts';
import type { Store } from './store/index.ts';

/** The terminal's store (the embedded one in DATA_DIR by default), or why it is not available: without it, the terminal still answers. */
async function openTerminalStore(config: Config): Promise<{ store: Store } | { unavailable: string }> {
  try {
    const { openStore } = await import('./store/index.ts');
    return { store: await openStore({ dataDir: config.store.dataDir, ...(config.store.databaseUrl ? { databaseUrl: config.store.databaseUrl } : {}), owner: `terminal:${process.pid}`, warn: (m) => console.error(`Briefing: ${m}`) }) };
  } catch (err) {
    return { unavailable: `${(err as Error).message} (answers still work)` };
  }
}

/** The terminal's stories on its store. */
async function terminalStories(config: Config, briefer: Briefer, opened: { store: Store } | { unavailable: string }): Promise<TerminalStories> {
  if ('unavailable' in opened) return opened;
  const [{ createTeamBriefers }, { createStories }] = await Promise.all([import('./stories/team-briefers.ts'), import('./stories/stories.ts')]);
  const teams = createTeamBriefers({ store: opened.store, bundled: briefer });
  return { store: opened.store, teams, stories: createStories({ store: opened.store, briefers: teams, limits: config.articles }) };
}

/** Composition root: config → knowledge → store → Slack check → app → listeners → scheduler. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = parseConfig(process.env);
  const terminal = config.mode.kind === 'terminal';
  // What it answers from, and how its index was made ready: with the terminal on stderr (stdout is the conversation), for Slack with the other start-up lines.
  const say = (line: string): void => (terminal ? console.error(`Briefing: ${line}`) : console.log(`Briefing: ${line}`));
  // The terminal's store opens (in its worker thread) while the core loads and the index is read.
  const storeOpening = terminal ? openTerminalStore(config) : undefined;
  try {
    const [{ openBriefer }, { describeArticles, runTerminal }] = await Promise.all([import('./cli/load-briefer.ts'), import('./cli/terminal.ts')]);
    const { briefer, opened } = openBriefer(config.knowledgeDir, say);
    say(`index ${opened.how} in ${Math.round(opened.ms)} ms${opened.reason ? ` (${opened.reason})` : ''}`);
    if (storeOpening) {
      const stories = await terminalStories(config, briefer, await storeOpening);
      await runTerminal(briefer, process.stdin, process.stdout, process.stdin.isTTY === true, stories);
      return;
    }
    say(`answering from\n${describeArticles(briefer.index)}`);
    await startSlack(config, briefer);
  } finally {
    const store = await storeOpening;
    if (store && 'store' in store) await store.store.close();
  }
}

/** The Slack app, until a signal stops it. */
async function startSlack(config: Config, briefer: Briefer): Promise<void> {
  if (config.mode.kind === 'terminal') return;
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
