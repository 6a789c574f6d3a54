import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSentence } from '../helpers/knowledge.ts';

// The command-line contract other tools depend on, run as a user runs it (tsx, no npm wrapper noise).
const tsx = join('node_modules', '.bin', 'tsx');
const run = (script: string, args: string[], input?: string) =>
  spawnSync(tsx, [script, ...args], { encoding: 'utf8', input: input ?? '', env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' } });

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

