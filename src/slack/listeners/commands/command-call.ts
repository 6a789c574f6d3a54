import type { Logger, SlashCommand } from '@slack/bolt';
import type { SlackMessage } from '../../blocks.ts';
import type { ListenerDeps } from '../deps.ts';

/** One `/briefing` subcommand being handled: who asked where, what followed the subcommand, and how to answer. */
export interface CommandCall {
  deps: ListenerDeps;
  command: SlashCommand;
  /** The authorized workspace and the channel. */
  where: { teamId: string; enterpriseId?: string; channelId: string };
  /** The workspace's bot token, for Web API calls. */
  token: string | undefined;
  /** The text after the subcommand. */
  args: string;
  /** "/briefing" (or what the command is called). */
  inv: string;
  logger: Logger;
  /** Answers ephemerally through the command's response_url. */
  reply: (message: SlackMessage) => Promise<void>;
}
