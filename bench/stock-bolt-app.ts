/**
 * The load bench's baseline: a stock Bolt app (its own HTTPReceiver, no store, no dedupe) that
 * answers a mention through the same core, posting with Bolt's client. Environment: PORT,
 * SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, KNOWLEDGE_DIR.
 */
import { App, LogLevel } from '@slack/bolt';
import { routeConversation } from '../src/answer/reply.ts';
import { loadBriefer } from '../src/cli/load-briefer.ts';
import { articlesById, renderReply } from '../src/slack/blocks.ts';

const briefer = loadBriefer(process.env.KNOWLEDGE_DIR ?? 'knowledge');
const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? '',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  botId: 'BBOT',
  botUserId: 'UBOT',
  logLevel: LogLevel.WARN,
  clientOptions: { ...(process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : {}), retryConfig: { retries: 0 } },
});
app.event('app_mention', async ({ event, client }) => {
  const message = renderReply(routeConversation(briefer, event.text ?? ''), { articles: articlesById(briefer.articles), invocation: '@Briefing' });
  await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...message });
});
await app.start(Number(process.env.PORT ?? 3000));
console.log(`Briefing is listening on port ${process.env.PORT ?? 3000} (stock Bolt baseline)`);
process.on('SIGTERM', () => void app.stop().finally(() => process.exit(0)));
