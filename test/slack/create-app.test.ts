import { describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/slack/app.ts';
import { createSlackWriter } from '../../src/slack/slack-writer.ts';
import { deriveShareKey } from '../../src/slack/share-value.ts';
import type { Store } from '../../src/store/index.ts';
import { webApi } from '@slack/bolt';
import { seedBriefer } from '../helpers/knowledge.ts';
import { createRecordingLogger } from '../helpers/slack.ts';

describe('building the Slack app', () => {
  it('builds a Socket Mode app without connecting or calling Slack until it is started', () => {
    const logger = createRecordingLogger();
    const client = new webApi.WebClient('xoxb-1-2-3');
    const app = createSlackApp({
      mode: { kind: 'socket', botToken: 'xoxb-1-2-3', appToken: 'xapp-1-2-3' },
      briefer: seedBriefer(),
      store: {} as Store,
      writer: createSlackWriter({ client, logger, timeoutMs: 1_000 }),
      shareKey: deriveShareKey('xapp-1-2-3'),
      identity: { teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' },
      logger,
    });
    expect(app).toBeDefined();
    expect(logger.lines.join('\n')).not.toContain('xapp-1-2-3');
  });
});
