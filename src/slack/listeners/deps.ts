import type { Context } from '@slack/bolt';
import type { Scope } from '../../answer/answer.ts';
import type { Briefer, Reply } from '../../answer/reply.ts';
import type { Stories } from '../../stories/stories.ts';
import type { TeamBriefers } from '../../stories/team-briefers.ts';
import type { Store } from '../../store/index.ts';
import { articlesById, renderReply, type RenderContext, type SlackMessage } from '../blocks.ts';
import { signAnswerRef } from '../signed-value.ts';
import type { SlackWriter } from '../slack-writer.ts';

/** What every listener needs, passed from the composition root. */
export interface ListenerDeps {
  /** Each workspace's briefer (the app's stories plus the workspace's own). */
  teams: TeamBriefers;
  /** Adding, listing, following and removing stories. */
  stories: Stories;
  store: Store;
  /** Every write to Slack goes through it (per-channel queues, safe retries). */
  writer: SlackWriter;
  /** Signs and checks button values and modal metadata (see share-value.ts, signed-value.ts). */
  shareKey: Buffer;
  /** Whether a user is an admin or owner of the workspace (`users.info`). */
  isAdmin: (token: string | undefined, userId: string) => Promise<boolean>;
  /** The digest settings of channels without their own (DIGEST_CRON, DIGEST_TZ), and the least time between digests. */
  digestDefaults: { cron: string; timezone: string; minIntervalSeconds: number };
}

/** The workspace a request came from, as authorized (never a value the payload alone claims). */
export function teamOf(context: Context): { teamId: string; enterpriseId?: string } {
  return { teamId: context.teamId ?? context.enterpriseId ?? '', ...(context.enterpriseId ? { enterpriseId: context.enterpriseId } : {}) };
}

/** Renders a reply for Slack with the briefer's articles. */
export function render(briefer: Briefer, reply: Reply, ctx: Omit<RenderContext, 'articles'> = {}): SlackMessage {
  return renderReply(reply, { ...ctx, articles: articlesById(briefer.index.articles) });
}

/**
 * The stories a question in a channel is asked of first: in a digest's thread, that digest's
 * stories; otherwise the channel's story, if it follows one.
 */
export async function scopeFor(deps: ListenerDeps, teamId: string, channelId: string, threadTs?: string): Promise<Scope | undefined> {
  if (threadTs) {
    const ids = await deps.store.digests.threadStories(teamId, channelId, threadTs);
    if (ids && ids.length > 0) return { articleIds: ids };
  }
  const settings = await deps.store.channels.get(teamId, channelId);
  return settings?.articleId ? { articleIds: [settings.articleId] } : undefined;
}

/** The render options of an answer: its 👍 / 👎 / wrong sentence / why buttons, and the channel's story. */
export function answerContext(deps: ListenerDeps, reply: Reply, where: { teamId: string; channelId: string }, scope: Scope | undefined): Pick<RenderContext, 'answerRef' | 'channelStory'> {
  if (reply.kind !== 'answer') return {};
  const cited = reply.answer.citations[0];
  const answerRef = signAnswerRef({ teamId: where.teamId, channelId: where.channelId, question: reply.answer.question, articleId: cited?.articleId ?? '', sentenceId: cited?.sentenceId ?? '', scope: [...(scope?.articleIds ?? [])] }, deps.shareKey);
  return { answerRef, ...(scope ? { channelStory: { ids: scope.articleIds } } : {}) };
}
