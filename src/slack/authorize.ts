import type { AnyMiddlewareArgs, Authorize, AuthorizeResult, Middleware } from '@slack/bolt';
import type { InstallationStore } from '@slack/oauth';
import type { SlackWriter } from './slack-writer.ts';

/** Set in the context of a request from a workspace Briefing is not installed in. */
export const NOT_INSTALLED = 'briefingNotInstalled';

/** One workspace: the bot token's, as `auth.test` named it. */
export interface SingleWorkspace {
  teamId: string;
  enterpriseId?: string;
  botToken: string;
  botId: string;
  botUserId: string;
}

/**
 * Bolt's `authorize` for both modes. One workspace (SLACK_BOT_TOKEN): only requests from the
 * token's workspace get the token. Many (OAuth): the workspace's installation from the store.
 * A request from any other workspace (a forged or stale `team_id`, or an uninstalled
 * workspace) is authorized with no token and marked `NOT_INSTALLED`: the gate answers it
 * clearly and no listener runs.
 */
export function createAuthorize(source: { single: SingleWorkspace } | { installations: InstallationStore }): Authorize<boolean> {
  return async (s) => {
    const notInstalled: AuthorizeResult = { [NOT_INSTALLED]: true, ...(s.teamId ? { teamId: s.teamId } : {}), ...(s.enterpriseId ? { enterpriseId: s.enterpriseId } : {}) };
    if ('single' in source) {
      const w = source.single;
      const same = s.teamId !== undefined ? s.teamId === w.teamId : s.enterpriseId !== undefined && s.enterpriseId === w.enterpriseId;
      if (!same) return notInstalled;
      return { botToken: w.botToken, botId: w.botId, botUserId: w.botUserId, teamId: w.teamId, ...(w.enterpriseId ? { enterpriseId: w.enterpriseId } : {}) };
    }
    let installation;
    try {
      installation = await source.installations.fetchInstallation({ teamId: s.teamId, enterpriseId: s.enterpriseId, isEnterpriseInstall: s.isEnterpriseInstall } as never);
    } catch (err) {
      if ((err as { code?: string }).code === 'not_installed') return notInstalled;
      throw err;
    }
    const bot = installation.bot;
    if (!bot?.token) return notInstalled;
    return { botToken: bot.token, botId: bot.id, botUserId: bot.userId, ...(s.teamId ? { teamId: s.teamId } : {}), ...(s.enterpriseId ? { enterpriseId: s.enterpriseId } : {}) };
  };
}

/**
 * Global middleware: a request from a workspace Briefing is not installed in runs no listener.
 * A slash command or an action is acknowledged and told so (nothing is stored, nothing
 * posted); a modal submission gets the same as a form error; events are dropped with a log line.
 */
export function createInstallationGate(writer: SlackWriter, installHint: string): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (!args.context[NOT_INSTALLED]) return args.next();
    const body = args.body as { type?: string; command?: string; response_url?: string; team_id?: string; team?: { id?: string } };
    const team = body.team_id ?? body.team?.id ?? 'unknown';
    args.logger.warn(`refused a request from workspace ${JSON.stringify(team).slice(0, 40)}, where Briefing is not installed`);
    const message = `Briefing isn't installed in this workspace, so nothing was done. ${installHint}`;
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (body.type === 'view_submission') {
      await ack?.({ response_action: 'errors', errors: { text: message } });
      return;
    }
    await ack?.();
    if (typeof body.response_url === 'string') await writer.respond(body.response_url, { response_type: 'ephemeral', text: message });
  };
}
