import { signAddFormRef } from '../../signed-value.ts';
import { addArticleView, renderAdded, renderNotice } from '../../story-blocks.ts';
import { escapeText } from '../../format.ts';
import type { CommandCall } from './command-call.ts';

/**
 * `/briefing add`: opens the add-article form; `/briefing add <url>` adds the page at once
 * (fetched, extracted, built, stored) and answers with the confirmation or the refusal.
 */
export async function addCommand(call: CommandCall): Promise<void> {
  const { deps, command, where, args, inv } = call;
  if (args === '') {
    const metadata = signAddFormRef({ teamId: where.teamId, channelId: where.channelId, userId: command.user_id, responseUrl: command.response_url }, deps.shareKey);
    const result = await deps.writer.openView({ ...(call.token ? { token: call.token } : {}), trigger_id: command.trigger_id, view: addArticleView(metadata) });
    if (result.status !== 'sent') {
      call.logger.error(`could not open the add form: ${result.reason}`);
      await call.reply(renderNotice(`I couldn't open the form (${escapeText(result.reason.split(':')[0] ?? 'error')}). Give the URL instead: \`${inv} add https://…\``));
    }
    return;
  }
  if (!/^<?https?:\/\//i.test(args)) {
    await call.reply(renderNotice(`To add an article, run \`${inv} add\` and paste its text into the form, or give its address: \`${inv} add https://…\``));
    return;
  }
  // Slack wraps links as <https://…> or <https://…|label>.
  const url = args.replace(/^<([^|>]+)(\|[^>]*)?>$/, '$1').split(/\s+/)[0] ?? '';
  await call.reply(renderNotice(`:hourglass_flowing_sand: Fetching ${escapeText(url)} …`));
  const outcome = await deps.stories.add(where, { url }, command.user_id);
  await call.reply(outcome.status === 'added' ? renderAdded(outcome, inv) : renderNotice(`:no_entry_sign: ${outcome.message} Nothing was stored.`));
}
