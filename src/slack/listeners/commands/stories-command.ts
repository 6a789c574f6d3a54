import { escapeText } from '../../format.ts';
import { renderFollowPicker, renderNotice, renderStories } from '../../story-blocks.ts';
import type { CommandCall } from './command-call.ts';

/** `/briefing stories`: every story of the workspace, numbered, the channel's marked. */
export async function storiesCommand(call: CommandCall): Promise<void> {
  const { deps, where } = call;
  const [stories, followed] = await Promise.all([deps.stories.list(where.teamId), deps.stories.followed(where.teamId, where.channelId)]);
  await call.reply(renderStories(stories, followed?.id, call.inv));
}

/** `/briefing follow <story>` sets the channel's story; alone, a picker; `none` (or `/briefing unfollow`) clears it. */
export async function followCommand(call: CommandCall): Promise<void> {
  const { deps, where, args, inv } = call;
  if (args === '') {
    const [stories, followed] = await Promise.all([deps.stories.list(where.teamId), deps.stories.followed(where.teamId, where.channelId)]);
    await call.reply(stories.length === 0 ? renderNotice(`There are no stories yet. Add one with \`${inv} add\`.`) : renderFollowPicker(stories, followed?.id, inv));
    return;
  }
  if (/^(none|nothing|off)$/i.test(args)) return unfollowCommand(call);
  const r = await deps.stories.follow(where, args, call.command.user_id);
  await call.reply(renderNotice(r.ok ? followedNotice(r.story.title, inv) : `:grey_question: ${r.message}`));
}

/** The confirmation of a follow, from the command or the picker. */
export function followedNotice(title: string, inv = '/briefing'): string {
  return `:pushpin: This channel now follows *${escapeText(title)}*. Questions here are answered from it first (other stories still answer what it doesn't say); \`${inv} digest\` previews its digest.`;
}

/** `/briefing unfollow`: the channel follows no story; questions are asked of every story. */
export async function unfollowCommand(call: CommandCall): Promise<void> {
  await call.deps.stories.unfollow(call.where, call.command.user_id);
  await call.reply(renderNotice('This channel follows no story now: questions here are asked of every story.'));
}

/** `/briefing remove <story>`: for the person who added it, or a workspace admin. */
export async function removeCommand(call: CommandCall): Promise<void> {
  const { deps, where, args, command, inv } = call;
  if (args === '') {
    await call.reply(renderNotice(`Say which story: \`${inv} remove 3\` (a number from \`${inv} stories\`), or its id or title.`));
    return;
  }
  const r = await deps.stories.remove(where, args, command.user_id, () => deps.isAdmin(call.token, command.user_id));
  await call.reply(renderNotice(r.ok ? `:wastebasket: Removed *${escapeText(r.story.title)}*. Channels that followed it follow no story now.` : `:no_entry_sign: ${r.message}`));
}
