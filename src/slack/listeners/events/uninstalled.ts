import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Store } from '../../../store/index.ts';

/**
 * `app_uninstalled`, and `tokens_revoked` for the bot token: the workspace's installation and
 * tokens are deleted (its stories, schedules and feedback stay, for a reinstall). Requests from
 * it are then refused as "not installed".
 */
export function createUninstalled(store: Store) {
  return async ({ event, body, context, logger }: SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs): Promise<void> => {
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    const envelope = body as { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean };
    const teamId = context.teamId ?? envelope.team_id;
    const enterpriseId = context.enterpriseId ?? envelope.enterprise_id;
    const isEnterpriseInstall = envelope.is_enterprise_install === true;
    try {
      const deleted = await store.installations.delete({ ...(teamId ? { teamId } : {}), ...(enterpriseId ? { enterpriseId } : {}), isEnterpriseInstall });
      logger.info(`${event.type}: deleted ${deleted} installation(s) and their tokens for ${isEnterpriseInstall ? enterpriseId : teamId}`);
    } catch (err) {
      logger.error(`${event.type}: could not delete the installation of ${teamId ?? enterpriseId}: ${(err as Error).message}`);
    }
  };
}
