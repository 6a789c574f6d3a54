import { digestChanges, digestCoverage, type DigestCoverage } from '../answer/digest-changes.ts';
import { digestReply, inScope } from '../answer/reply.ts';
import { articlesById, renderReply, type SlackMessage } from '../slack/blocks.ts';
import type { TeamBriefers } from '../stories/team-briefers.ts';
import type { Store } from '../store/index.ts';

/**
 * One channel's digest: its story (or every story — the newest few of many — if it follows none), and what changed since
 * the channel's last digest (stories added to the workspace, claims the last one did not have),
 * with what it covers, to record with the slot.
 */
export async function composeChannelDigest(o: { teams: TeamBriefers; store: Store; teamId: string; channelId: string }): Promise<{ message: SlackMessage; coverage: DigestCoverage }> {
  const [briefer, settings, previous] = await Promise.all([o.teams.forTeam(o.teamId), o.store.channels.get(o.teamId, o.channelId), o.store.digests.lastCoverage(o.teamId, o.channelId)]);
  const scope = settings?.articleId && briefer.index.articleById.has(settings.articleId) ? { articleIds: [settings.articleId] } : undefined;
  // The channel's story, else every story (the newest few of many), as the digest shows them.
  const covered = inScope(briefer, scope);
  const changes = digestChanges(covered, briefer.articles, previous);
  const message = renderReply(digestReply(briefer, scope, changes), { articles: articlesById(briefer.index.articles) });
  return { message, coverage: digestCoverage(covered, briefer.articles) };
}
