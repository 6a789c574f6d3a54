import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { seedSentence } from '../helpers/knowledge.ts';
import { freshDataDir } from '../helpers/store.ts';

// The command-line contract other tools depend on, run as a user runs it (tsx, no npm wrapper noise).
const tsx = join('node_modules', '.bin', 'tsx');
const run = (script: string, args: string[], input?: string, env: Record<string, string> = {}) =>
  spawnSync(tsx, [script, ...args], { encoding: 'utf8', input: input ?? '', env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', DATA_DIR: env.DATA_DIR ?? (script === 'src/index.ts' ? freshDataDir() : join(tmpdir(), 'briefing-no-store')), ...env } });

describe('npm run ask', () => {
  it('--json prints one object citing the denial for "Who denied the allegations?"', () => {
    const out = run('src/cli/ask.ts', ['--json', 'Who denied the allegations?']);
    expect(out.status).toBe(0);
    const a = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(a)).toEqual(['question', 'answered', 'intent', 'text', 'citations', 'related']);
    expect(a).toMatchObject({ question: 'Who denied the allegations?', answered: true, intent: 'who' });
    expect(a.citations).toEqual([{ articleId: 'iran-missiles-russia', sentenceId: 'p4.s1', quote: seedSentence('p4.s1') }]);
  });

  it('--json declines "Did Iran send ballistic missiles to Ukraine?" with no citation, and says what the article does say', () => {
    const out = run('src/cli/ask.ts', ['--json', 'Did Iran send ballistic missiles to Ukraine?']);
    const a = JSON.parse(out.stdout) as { answered: boolean; citations: unknown[]; related: { sentenceId: string }[]; text: string };
    expect(a).toMatchObject({ answered: false, citations: [] });
    expect(a.text).not.toMatch(/believes|denies/);
  });

  it('--jsonl answers stdin line by line, in order, and prints nothing else', () => {
    const out = run('src/cli/ask.ts', ['--jsonl'], 'Who denied the allegations?\nWhat is the population of Kursk?\n\n');
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { question: string; answered: boolean; citations: unknown[] });
    expect(lines.map((l) => [l.question, l.answered])).toEqual([
      ['Who denied the allegations?', true],
      ['What is the population of Kursk?', false],
      ['', false],
    ]);
    expect(lines[1]?.citations).toEqual([]);
  });

  it('through npm itself, stdout holds the JSON lines and nothing else', () => {
    const out = spawnSync('npm', ['run', 'ask', '--', '--jsonl'], { encoding: 'utf8', input: 'Who denied the allegations?\nWhat is the capital of France?\n' });
    const lines = out.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(() => JSON.parse(l) as unknown).not.toThrow();
  });

  it('prints the answer with its citation for people', () => {
    const out = run('src/cli/ask.ts', ['Who denied the allegations?']);
    expect(out.stdout).toContain(seedSentence('p4.s1'));
    expect(out.stdout).toContain('paragraph 4, sentence 1');
  });

  it('--knowledge DIR answers from another directory, and names a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
    writeFileSync(join(dir, 'iran-missiles-russia.json'), readFileSync('knowledge/iran-missiles-russia.json'));
    expect(JSON.parse(run('src/cli/ask.ts', ['--json', '--knowledge', dir, 'Who denied the allegations?']).stdout)).toMatchObject({ answered: true });
    writeFileSync(join(dir, 'broken.json'), '{}');
    const bad = run('src/cli/ask.ts', ['--json', '--knowledge', dir, 'x']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('broken.json: at $.schemaVersion');
  });
});

describe('npm run knowledge -- build', () => {
  it('builds any article into --out DIR, merging its overlay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-build-'));
    const article = join(dir, 'harbour-storm.txt');
    writeFileSync(article, 'The harbour reopened on Monday.\nMayor Anna Lind said 40 boats were damaged.\n');
    writeFileSync(join(dir, 'harbour-storm.overlay.json'), JSON.stringify({ title: 'Harbour reopens' }));
    const out = run('src/cli/knowledge.ts', ['build', '--out', join(dir, 'k'), article]);
    expect(out.status).toBe(0);
    const k = JSON.parse(readFileSync(join(dir, 'k', 'harbour-storm.json'), 'utf8')) as { article: { title: string }; paragraphs: unknown[] };
    expect(k.article.title).toBe('Harbour reopens');
    expect(k.paragraphs).toHaveLength(2);
  });

  it('names the overlay file and field when the overlay is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-build-'));
    writeFileSync(join(dir, 'a.txt'), 'The harbour reopened on Monday.');
    writeFileSync(join(dir, 'a.overlay.json'), JSON.stringify({ topics: [{ name: 'x', sentenceIds: ['one'] }] }));
    const out = run('src/cli/knowledge.ts', ['build', '--out', dir, join(dir, 'a.txt')]);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('a.overlay.json: at $.topics[0].sentenceIds[0]');
  });

  it('refuses a binary file with a clear message, writes nothing for it, and still builds the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-build-'));
    writeFileSync(join(dir, 'program.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x3e, 0]));
    writeFileSync(join(dir, 'harbour.txt'), 'The harbour reopened on Monday after the storm.');
    const out = run('src/cli/knowledge.ts', ['build', '--out', join(dir, 'k'), join(dir, 'program.txt'), join(dir, 'harbour.txt')]);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('program.txt: not an article: it holds NUL bytes (a binary file)');
    expect(out.stderr).toMatch(/\[2\/2\] built .*harbour\.json/);
    expect(out.stderr).toContain('1 of 2 built');
    expect(existsSync(join(dir, 'k', 'program.json'))).toBe(false);
    expect(existsSync(join(dir, 'k', 'harbour.json'))).toBe(true);
  });
});

describe('npm start without Slack credentials', () => {
  it('answers in the terminal exactly as the bot would', () => {
    const out = run('src/index.ts', [], 'Who denied the allegations?\n/briefing topics\n');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('terminal mode');
    expect(out.stdout).toContain(seedSentence('p4.s1'));
    expect(out.stdout).toContain('== Topics ==');
  });

  it('adds a pasted article, lists the stories and follows one, answering from it first', () => {
    const input = [
      '/briefing add',
      '---',
      'Title: Harbour reopens after storm',
      '---',
      'The harbour in Port Avel reopened on Tuesday after Storm Elin closed it for three days, the port authority said.',
      "The fishermen's union has denied the allegations, saying its members moored their boats as instructed.",
      '.',
      '/briefing stories',
      '/briefing follow 2',
      'Who denied the allegations?',
      '',
    ].join('\n');
    const dataDir = freshDataDir();
    const out = run('src/index.ts', [], input, { DATA_DIR: dataDir });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('✅ Added Harbour reopens after storm');
    expect(out.stdout).toMatch(/2\. Harbour reopens after storm\nadded by the terminal on \d{4}-\d{2}-\d{2} · id `harbour-reopens-after-storm`/);
    expect(out.stdout).toContain('📌 The terminal now follows Harbour reopens after storm');
    expect(out.stdout).toContain("  │ The fishermen's union has denied the allegations");
    // The story is kept: the next start answers from it too.
    const again = run('src/index.ts', [], 'How long was the harbour closed?\n', { DATA_DIR: dataDir });
    expect(again.stdout).toContain('Harbour reopens after storm (harbour-reopens-after-storm)');
  });

  it('refuses to start with a malformed knowledge file, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-start-'));
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": 1}');
    const out = spawnSync(tsx, ['src/index.ts'], { encoding: 'utf8', input: '', env: { ...process.env, KNOWLEDGE_DIR: dir } });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('Briefing cannot start');
    expect(out.stderr).toContain('bad.json: at $.article');
  });

  it('refuses to start with half the Slack credentials, naming the missing variable', () => {
    const out = spawnSync(tsx, ['src/index.ts'], { encoding: 'utf8', input: '', env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' } });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('SLACK_SIGNING_SECRET is missing');
    expect(out.stderr).not.toContain('xoxb-1-2-3');
  });
});


describe('npm run eval -- feedback', () => {
  it('exports the stored verdicts as a news-dev question set and scores Briefing on it', async () => {
    const dataDir = freshDataDir();
    const store = await openStore({ dataDir, owner: 'test', warn: () => undefined });
    const base = { teamId: 'T1', channelId: 'C1', scope: [] as string[] };
    await store.feedback.record({ ...base, userId: 'U1', question: 'Who denied the allegations?', articleId: 'iran-missiles-russia', sentenceId: 'p4.s1', quote: seedSentence('p4.s1'), verdict: 'up' });
    await store.feedback.record({ ...base, userId: 'U1', question: 'What did the CIA director say?', articleId: 'iran-missiles-russia', sentenceId: 'p2.s1', quote: seedSentence('p2.s1'), verdict: 'wrong-sentence' });
    await store.close();
    const out = mkdtempSync(join(tmpdir(), 'briefing-feedback-'));
    const res = run('src/cli/eval.ts', ['feedback', out], '', { DATA_DIR: dataDir });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Exported 1 question(s) from 2 verdict(s) of T1');
    expect(res.stdout).toContain('1 need a person to say the right sentence');
    expect(res.stdout).toMatch(/\| feedback \| Briefing \| 1\/1 \(100\.0 %\)/);
    expect(readFileSync(join(out, 'questions.jsonl'), 'utf8')).toBe(`${JSON.stringify({ article: 'iran-missiles-russia', q: 'Who denied the allegations?', expect: [seedSentence('p4.s1')] })}\n`);
    expect(existsSync(join(out, 'articles', 'iran-missiles-russia.txt'))).toBe(true);
  });
});
