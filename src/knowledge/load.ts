import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { KnowledgeFileError } from '../errors.ts';
import { formatIssues } from './issues.ts';
import { knowledgeSchema, type Knowledge } from './schema.ts';

/**
 * Parses the text of one knowledge file. Throws a `KnowledgeFileError` naming the file, the
 * JSON path and the problem; the article id must match the file name.
 */
export function parseKnowledgeFile(file: string, text: string): Knowledge {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new KnowledgeFileError(`${file}: is not valid JSON: ${(err as Error).message}`);
  }
  const result = knowledgeSchema.safeParse(json);
  if (!result.success) throw new KnowledgeFileError(formatIssues(file, result.error.issues));
  const expected = basename(file).replace(/\.json$/, '');
  if (result.data.article.id !== expected) {
    throw new KnowledgeFileError(`${file}: at $.article.id: is "${result.data.article.id}" but the file is named "${expected}.json"; they must match`);
  }
  return result.data;
}

/**
 * The knowledge files of `dir` by name (`*.json`, overlays excluded), sorted. Throws a
 * `KnowledgeFileError` when the directory cannot be read or holds none.
 */
export function knowledgeFileNames(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.overlay.json'));
  } catch (err) {
    throw new KnowledgeFileError(`${dir}: cannot read the knowledge directory: ${(err as Error).message}`);
  }
  if (names.length === 0) {
    throw new KnowledgeFileError(`${dir}: holds no knowledge files (*.json); build one with: npm run knowledge -- build knowledge/articles/<article>.txt`);
  }
  return names.sort();
}

/** One knowledge file of `dir` by article id, read and validated; throws `KnowledgeFileError`. */
export function readKnowledgeFile(dir: string, id: string): Knowledge {
  const file = join(dir, `${id}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new KnowledgeFileError(`${file}: cannot be read: ${(err as Error).message}`);
  }
  return parseKnowledgeFile(file, text);
}

/**
 * Loads the knowledge files of `dir` with these article ids, all or nothing: if any file is bad
 * the error lists every bad file and nothing is returned.
 */
export function loadKnowledgeFiles(dir: string, ids: readonly string[]): Knowledge[] {
  const problems: string[] = [];
  const loaded: Knowledge[] = [];
  for (const id of ids) {
    try {
      loaded.push(readKnowledgeFile(dir, id));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length > 0) throw new KnowledgeFileError(`refusing to load knowledge with errors:\n${problems.join('\n')}`);
  return loaded;
}

/**
 * Loads every `*.json` knowledge file in `dir` (overlays excluded), all or nothing: if any file
 * is bad the error lists every bad file and nothing is returned. Sorted by article id.
 */
export function loadKnowledgeDir(dir: string): Knowledge[] {
  return loadKnowledgeFiles(dir, knowledgeFileNames(dir).map((n) => n.replace(/\.json$/, '')));
}
