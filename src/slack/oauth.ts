import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@slack/bolt';
import { InstallProvider, type Installation, type InstallationQuery, type InstallationStore } from '@slack/oauth';
import type { OAuthSettings } from '../config.ts';
import type { Store } from '../store/index.ts';

/** The bot scopes Briefing asks for (the same as manifest.yml, each justified there). */
export const BOT_SCOPES = ['commands', 'app_mentions:read', 'chat:write', 'im:history', 'channels:history', 'groups:history', 'users:read'] as const;

/** A missing installation: `authorize` turns it into "not installed". */
class NotInstalledError extends Error {
  readonly code = 'not_installed';
}

/**
 * Bolt's installation store on Briefing's store: each workspace's (or, for an org-wide install,
 * organisation's) installation object with its tokens, in the `installations` table.
 */
export function createInstallationStore(store: Store): InstallationStore {
  return {
    async storeInstallation(i) {
      const isEnterpriseInstall = i.isEnterpriseInstall === true;
      const teamId = i.team?.id;
      const enterpriseId = i.enterprise?.id;
      await store.installations.saveOAuth(
        { ...(teamId ? { teamId } : {}), ...(enterpriseId ? { enterpriseId } : {}), isEnterpriseInstall },
        {
          teamId: (isEnterpriseInstall ? enterpriseId : teamId) ?? '',
          botUserId: i.bot?.userId ?? '',
          ...(i.team?.name ? { teamName: i.team.name } : {}),
          ...(enterpriseId ? { enterpriseId } : {}),
          ...(i.bot?.id ? { botId: i.bot.id } : {}),
        },
        i,
      );
    },
    async fetchInstallation(q: InstallationQuery<boolean>) {
      const found = await store.installations.fetchOAuth({ ...(q.teamId ? { teamId: q.teamId } : {}), ...(q.enterpriseId ? { enterpriseId: q.enterpriseId } : {}), isEnterpriseInstall: q.isEnterpriseInstall });
      if (!found) throw new NotInstalledError(`no installation for ${q.teamId ?? q.enterpriseId ?? 'that workspace'}`);
      return found as Installation;
    },
    async deleteInstallation(q: InstallationQuery<boolean>) {
      await store.installations.delete({ ...(q.teamId ? { teamId: q.teamId } : {}), ...(q.enterpriseId ? { enterpriseId: q.enterpriseId } : {}), isEnterpriseInstall: q.isEnterpriseInstall });
    },
  };
}

/** The install routes the receiver serves: `/slack/install` and `/slack/oauth_redirect`. */
export interface OAuthRoutes {
  installPath: string;
  redirectPath: string;
  handleInstall(req: IncomingMessage, res: ServerResponse): Promise<void>;
  handleRedirect(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>${title}</h1>${body}</body></html>`);
}

const escapeHtml = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * OAuth v2 with Bolt's own InstallProvider (state signed with `SLACK_STATE_SECRET` and bound to a
 * cookie): `/slack/install` shows "Add to Slack", Slack redirects to `/slack/oauth_redirect`, the
 * code is exchanged (`oauth.v2.access`) and the installation stored.
 */
export function createOAuthRoutes(o: { settings: OAuthSettings; installationStore: InstallationStore; logger: Logger; slackApiUrl?: string }): OAuthRoutes {
  const provider = new InstallProvider({
    clientId: o.settings.clientId,
    clientSecret: o.settings.clientSecret,
    stateSecret: o.settings.stateSecret,
    installationStore: o.installationStore,
    logger: o.logger,
    installUrlOptions: { scopes: [...BOT_SCOPES], ...(o.settings.redirectUri ? { redirectUri: o.settings.redirectUri } : {}) },
    ...(o.slackApiUrl ? { clientOptions: { slackApiUrl: o.slackApiUrl } } : {}),
  });
  return {
    installPath: '/slack/install',
    redirectPath: '/slack/oauth_redirect',
    handleInstall: (req, res) => provider.handleInstallPath(req, res),
    handleRedirect: (req, res) =>
      provider.handleCallback(req, res, {
        success: (installation, _options, _req, response) => {
          const name = installation.team?.name ?? installation.enterprise?.name ?? 'your workspace';
          o.logger.info(`installed in ${installation.team?.id ?? installation.enterprise?.id ?? 'a workspace'} (${name})`);
          page(response, 200, 'Briefing is installed', `<p>Briefing is installed in <b>${escapeHtml(name)}</b>. In Slack, type <code>/briefing help</code> in any channel, add a story with <code>/briefing add</code>, and invite the bot where it should post digests (<code>/invite @Briefing</code>).</p>`);
        },
        failure: (error, _options, _req, response) => {
          o.logger.warn(`an install did not complete: ${error.message}`);
          page(response, 400, 'Briefing was not installed', `<p>${escapeHtml(error.message)}</p><p><a href="/slack/install">Try again</a>.</p>`);
        },
      }),
  };
}
