import { Cron } from 'croner';
import { parseDigestSchedule } from '../../../digest/schedule-text.ts';
import { escapeText, mentionChannel } from '../../format.ts';
import { renderNotice } from '../../story-blocks.ts';
import type { CommandCall } from './command-call.ts';

function nextRun(cron: string, timezone: string): string {
  const job = new Cron(cron, { timezone, paused: true });
  const next = job.nextRun();
  job.stop();
  return next ? `<!date^${Math.floor(next.getTime() / 1000)}^{date_short_pretty} at {time}|${next.toISOString()}>` : 'never';
}

/**
 * `/briefing digest every weekday 9:00 Europe/Berlin` (or a cron) stores the channel's schedule;
 * `off` stops digests here; `on` uses the default schedule (DIGEST_CRON in DIGEST_TZ); `default`
 * forgets the channel's own setting. (`/briefing digest` alone previews the digest.)
 */
export async function digestCommand(call: CommandCall): Promise<void> {
  const { deps, where, args, command, inv } = call;
  const here = mentionChannel(where.channelId);
  const sub = args.toLowerCase();
  if (sub === 'off' || sub === 'stop') {
    await deps.store.channels.setDigest(where, 'off', command.user_id);
    await call.reply(renderNotice(`:no_bell: No more digests in ${here}. \`${inv} digest every weekday 9:00\` starts them again.`));
    return;
  }
  if (sub === 'default' || sub === 'reset') {
    await deps.store.channels.setDigest(where, null, command.user_id);
    await call.reply(renderNotice(`${here} uses the default digest settings again (digests only if the app's DIGEST_CHANNELS names it).`));
    return;
  }
  const { cron, timezone, minIntervalSeconds } = deps.digestDefaults;
  const parsed = sub === 'on' ? { ok: true as const, cron, timezone, description: `on the default schedule \`${cron}\` (${timezone})` } : parseDigestSchedule(args, timezone, minIntervalSeconds);
  if (!parsed.ok) {
    await call.reply(renderNotice(`:grey_question: ${escapeText(parsed.message)}`));
    return;
  }
  await deps.store.channels.setDigest(where, { cron: parsed.cron, timezone: parsed.timezone }, command.user_id);
  const story = await deps.stories.followed(where.teamId, where.channelId);
  const about = story ? `about *${escapeText(story.title)}*, this channel's story` : `about every story (\`${inv} follow\` picks one for this channel)`;
  await call.reply(
    renderNotice(`:calendar: Digests in ${here} ${escapeText(parsed.description)}, ${about}; each says what changed since the last. Next: ${nextRun(parsed.cron, parsed.timezone)}.\nI must be in the channel to post: \`/invite @Briefing\`. \`${inv} digest off\` stops them.`),
  );
}
