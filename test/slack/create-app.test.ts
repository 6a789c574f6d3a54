import { describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { createSlackApp } from '../../src/slack/app.ts';
import { createAuthorize } from '../../src/slack/authorize.ts';
import { createSlackWriter } from '../../src/slack/slack-writer.ts';
import { deriveShareKey } from '../../src/slack/share-value.ts';
import type { Stories } from '../../src/stories/stories.ts';
import { createTeamBriefers } from '../../src/stories/team-briefers.ts';
import type { Store } from '../../src/store/index.ts';
import { seedBriefer } from '../helpers/knowledge.ts';
import { createRecordingLogger } from '../helpers/slack.ts';

describe('building the Slack app', () => {
  it('builds a Socket Mode app without connecting or calling Slack until it is started', () => {
    const logger = createRecordingLogger();
    const client = new webApi.WebClient('xoxb-1-2-3');
    const store = {} as Store;
    const app = createSlackApp({
      mode: { kind: 'socket', botToken: 'xoxb-1-2-3', appToken: 'xapp-1-2-3' },
      authorize: createAuthorize({ single: { teamId: 'T1', botToken: 'xoxb-1-2-3', botUserId: 'UBOT', botId: 'BBOT' } }),
      deps: {
        teams: createTeamBriefers({ store, bundled: seedBriefer() }),
        stories: {} as Stories,
        store,
        writer: createSlackWriter({ client, logger, timeoutMs: 1_000 }),
        shareKey: deriveShareKey('xapp-1-2-3'),
        isAdmin: async () => false,
        digestDefaults: { cron: '0 9 * * 1-5', timezone: 'UTC', minIntervalSeconds: 3600 },
      },
      installHint: '',
      logger,
    });
    expect(app).toBeDefined();
    expect(logger.lines.join('\n')).not.toContain('xapp-1-2-3');
  });
});
