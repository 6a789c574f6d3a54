import { describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/slack/app.ts';
import { seedBriefer } from '../helpers/knowledge.ts';
import { createRecordingLogger } from '../helpers/slack.ts';

describe('building the Slack app', () => {
  it('builds a Socket Mode app without connecting until it is started', () => {
    const logger = createRecordingLogger();
    const app = createSlackApp({ mode: { kind: 'socket', botToken: 'xoxb-1-2-3', appToken: 'xapp-1-2-3' }, briefer: seedBriefer(), logger });
    expect(app).toBeDefined();
    expect(logger.lines.join('\n')).not.toContain('xapp-1-2-3');
  });
});
