import dotenv from 'dotenv';
import { runTerminal } from './cli/terminal.ts';
import { loadBriefer } from './cli/load-briefer.ts';
import { parseConfig } from './config.ts';
import { createFileDigestStore } from './digest/digest-store.ts';
import { postDigest } from './digest/post-digest.ts';
import { startDigestSchedule } from './digest/scheduler.ts';
import { BriefingError } from './errors.ts';
import { createSlackApp } from './slack/app.ts';

/** Composition root: config → knowledge → app → listeners → scheduler. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = parseConfig(process.env);
  const briefer = loadBriefer(config.knowledgeDir);
  if (config.mode.kind === 'terminal') {
    await runTerminal(briefer, process.stdin, process.stdout, process.stdin.isTTY === true);
    return;
  }
  const app = createSlackApp({
    mode: config.mode,
    briefer,
    logLevel: config.logLevel,
    ...(config.slackApiUrl ? { client: { slackApiUrl: config.slackApiUrl } } : {}),
  });
  if (config.mode.kind === 'http') {
    await app.start(config.mode.port);
    app.logger.info(`Briefing is listening on port ${config.mode.port} at /slack/events`);
  } else {
    await app.start();
    app.logger.info('Briefing is connected in Socket Mode');
  }
  const { channels, cron, timezone, stateFile } = config.digest;
  if (channels.length > 0) {
    const store = createFileDigestStore(stateFile);
    const schedule = startDigestSchedule({
      cron,
      timezone,
      run: (slot) => postDigest({ client: app.client, briefer, channels, slot, store, logger: app.logger }),
      onError: (err) => app.logger.error(`digest run failed: ${(err as Error).message}`),
    });
    app.logger.info(`digests to ${channels.join(', ')} on "${cron}" (${timezone}); next ${schedule.next()?.toISOString() ?? 'never'}`);
  }
  const stop = (): void => {
    app.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof BriefingError ? `Briefing cannot start: ${err.message}` : err);
  process.exitCode = 1;
});
