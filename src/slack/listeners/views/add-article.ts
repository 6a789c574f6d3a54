import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ArticleDraft } from '../../../stories/article-draft.ts';
import { escapeText } from '../../format.ts';
import { verifyAddFormRef } from '../../signed-value.ts';
import { ADD_FIELDS, addProgressView, addResultView, renderAdded, renderNotice } from '../../story-blocks.ts';
import { teamOf, type ListenerDeps } from '../deps.ts';

type Values = ViewSubmitAction['view']['state']['values'];

/** The form's fields as a draft: empty fields left out. */
function draftOf(values: Values): ArticleDraft {
  const field = (block: string): string | undefined => {
    const v = values[block]?.['value'];
    const raw = v?.value ?? v?.selected_date ?? undefined;
    return typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
  };
  const draft: ArticleDraft = {};
  for (const key of Object.values(ADD_FIELDS)) {
    const v = field(key);
    if (v !== undefined) draft[key] = key === 'text' ? v : v.trim();
  }
  return draft;
}

/**
 * The add-article form submitted. The form must be one Briefing opened for this person in this
 * workspace (its signed metadata). Quick problems (no text or URL, a binary paste, too large, a
 * bad URL) are answered as field errors, and the form stays open. Otherwise the form shows
 * progress while the page is fetched and the article built and stored, then the result; the
 * confirmation (or refusal) also goes to the channel, visible only to the adder.
 */
export function createAddArticleSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, context, logger }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const team = teamOf(context);
    const ref = verifyAddFormRef(view.private_metadata ?? '', deps.shareKey);
    if (!ref || ref.teamId !== team.teamId || ref.teamId !== (body.team?.id ?? body.user.team_id) || ref.userId !== body.user.id) {
      logger.warn(`refused an add-article form from ${JSON.stringify(body.user.id)}: it is not one Briefing opened for this person in this workspace`);
      await ack({ response_action: 'errors', errors: { [ADD_FIELDS.text]: 'This form was not opened by you in this workspace, so nothing was added. Run /briefing add again.' } });
      return;
    }
    const draft = draftOf(view.state.values);
    const problems = deps.stories.check(draft);
    if (problems.length > 0) {
      const errors: Record<string, string> = {};
      for (const p of problems) errors[p.field] ??= p.message.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      await ack({ response_action: 'errors', errors });
      return;
    }
    const what = draft.text ? 'Reading the article…' : `Fetching ${draft.url ?? 'the page'} and reading the article (up to a few seconds)…`;
    await ack({ response_action: 'update', view: addProgressView(what) });
    try {
      const outcome = await deps.stories.add({ ...team, channelId: ref.channelId }, draft, ref.userId);
      const message = outcome.status === 'added' ? renderAdded(outcome) : renderNotice(`:no_entry_sign: ${outcome.message} Nothing was stored.`);
      if (outcome.status === 'refused') logger.info(`an article was refused: ${outcome.message}`);
      const token = context.botToken;
      const [updated, told] = await Promise.all([
        deps.writer.updateView({ ...(token ? { token } : {}), view_id: view.id, view: addResultView(message) }),
        ref.responseUrl ? deps.writer.respond(ref.responseUrl, { response_type: 'ephemeral', replace_original: false, ...message }) : Promise.resolve(undefined),
      ]);
      if (updated.status !== 'sent') logger.warn(`could not show the result in the form: ${updated.reason}`);
      if (told && told.status !== 'sent') logger.warn(`could not post the add confirmation: ${told.reason}`);
    } catch (err) {
      logger.error(`adding an article failed: ${(err as Error).message}`);
      await deps.writer.updateView({ ...(context.botToken ? { token: context.botToken } : {}), view_id: view.id, view: addResultView(renderNotice(`Something went wrong on my side (${escapeText((err as Error).message.slice(0, 200))}); nothing was stored. Try again.`)) }).catch(() => undefined);
    }
  };
}
