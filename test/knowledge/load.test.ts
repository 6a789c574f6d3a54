import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeFileError } from '../../src/errors.ts';
import { loadKnowledgeDir, parseKnowledgeFile } from '../../src/knowledge/load.ts';
import { thrownMessage } from '../helpers/errors.ts';
import { seedKnowledge } from '../helpers/knowledge.ts';

function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-load-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

function seedCopy(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(seedKnowledge())) as Record<string, unknown>;
}

const loadError = (dir: string): string => thrownMessage(() => loadKnowledgeDir(dir), KnowledgeFileError);

describe('loading knowledge files', () => {
  it('loads every article in a directory, sorted by id', () => {
    const other = { ...seedCopy(), article: { ...(seedCopy().article as object), id: 'another-story' } };
    const loaded = loadKnowledgeDir(dirWith({ 'iran-missiles-russia.json': seedCopy(), 'another-story.json': other, 'notes.overlay.json': {} }));
    expect(loaded.map((k) => k.article.id)).toEqual(['another-story', 'iran-missiles-russia']);
  });

  it('loads the committed knowledge directory', () => {
    expect(loadKnowledgeDir('knowledge').map((k) => k.article.id)).toContain('iran-missiles-russia');
  });

  it('names the file and says it is not JSON', () => {
    const dir = dirWith({ 'broken.json': '{"schemaVersion": 1,' });
    expect(loadError(dir)).toMatch(/broken\.json: is not valid JSON/);
  });

  it('names the file, the JSON path and the problem for a wrong field', () => {
    const bad = seedCopy();
    ((bad.paragraphs as { sentences: { text: unknown }[] }[])[2]?.sentences[0] as { text: unknown }).text = 42;
    const message = loadError(dirWith({ 'iran-missiles-russia.json': bad }));
    expect(message).toContain('iran-missiles-russia.json: at $.paragraphs[2].sentences[0].text:');
    expect(message).toMatch(/expected string/);
  });

  it('rejects a claim that cites a sentence the article does not have', () => {
    const bad = seedCopy();
    (bad.claims as { sentenceId: string }[])[0]!.sentenceId = 'p9.s9';
    expect(loadError(dirWith({ 'iran-missiles-russia.json': bad }))).toContain('at $.claims[0].sentenceId: refers to sentence "p9.s9"');
  });

  it('rejects sentence ids out of order', () => {
    const bad = seedCopy();
    (bad.paragraphs as { sentences: { id: string }[] }[])[0]!.sentences[1]!.id = 'p1.s3';
    expect(loadError(dirWith({ 'iran-missiles-russia.json': bad }))).toContain('at $.paragraphs[0].sentences[1].id: expected "p1.s2"');
  });

  it('rejects a file whose article id does not match its name', () => {
    expect(loadError(dirWith({ 'renamed.json': seedCopy() }))).toContain('renamed.json: at $.article.id: is "iran-missiles-russia"');
  });

  it('rejects a file of a newer schema version', () => {
    expect(loadError(dirWith({ 'iran-missiles-russia.json': { ...seedCopy(), schemaVersion: 3 } }))).toContain('at $.schemaVersion');
  });

  it('loads nothing when one of several files is bad, and lists the bad one', () => {
    const dir = dirWith({ 'iran-missiles-russia.json': seedCopy(), 'zz-broken.json': '[]' });
    const message = loadError(dir);
    expect(message).toContain('zz-broken.json');
    expect(message).not.toContain('iran-missiles-russia.json');
  });

  it('says how to build knowledge when the directory is empty or missing', () => {
    expect(loadError(dirWith({}))).toContain('npm run knowledge -- build');
    expect(loadError('/nonexistent/knowledge')).toContain('cannot read the knowledge directory');
  });

  it('parses a single file and keeps sentences verbatim', () => {
    const text = readFileSync('knowledge/iran-missiles-russia.json', 'utf8');
    const k = parseKnowledgeFile('knowledge/iran-missiles-russia.json', text);
    expect(k.paragraphs[3]?.sentences[0]?.text).toContain('Iran has denied');
  });

  it('copies of the article directory build the same knowledge (no hidden state)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-copy-'));
    cpSync('knowledge', dir, { recursive: true });
    expect(loadKnowledgeDir(dir)).toEqual(loadKnowledgeDir('knowledge'));
  });
});
