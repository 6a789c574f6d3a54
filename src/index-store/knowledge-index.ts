import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeFileNames, loadKnowledgeFiles, readKnowledgeFile } from '../knowledge/load.ts';
import type { Knowledge } from '../knowledge/schema.ts';
import { addArticles, buildMatcherIndex, forgetEntities, removeArticles, sentenceText, type MatcherIndex } from '../matcher/search-index.ts';
import { decodeIndex, encodeIndex, IndexFileError, type ManifestEntry } from './index-file.ts';

/*
 * The persisted index, at the edge: `<knowledge dir>/matcher-index.bin`, written by a build and
 * read at start instead of rebuilding the index from every knowledge file. It is checked against
 * the directory (each file's size and modification time) and brought up to date: new files are
 * added in place; a changed file whose previous version is known (a build just replaced it) is
 * replaced in place; any other change, a removed file, a damaged or older index, or an index that
 * no longer indexes an article the way this code does (a check on one article) means a rebuild.
 */

/** The index file's name inside the knowledge directory. */
export const INDEX_FILE = 'matcher-index.bin';

/** An opened index and how it was made ready. */
export interface OpenedIndex {
  index: MatcherIndex;
  manifest: ManifestEntry[];
  /** `loaded` as written, `updated` in place, or `built` from every knowledge file. */
  how: 'loaded' | 'updated' | 'built';
  /** Why it was built or updated, for the log. */
  reason?: string;
  /** Milliseconds it took. */
  ms: number;
}

/** Options of `openKnowledgeIndex`. */
export interface OpenIndexOptions {
  /** The previous knowledge of articles whose files were just rebuilt: replaced in place rather than rebuilding everything. */
  previous?: ReadonlyMap<string, Knowledge>;
  /** The clock (ms), for how long it took. Default `performance.now`. */
  now?: () => number;
  /** Where to say that the index could not be written (a read-only directory still answers). Default: nowhere. */
  warn?: (line: string) => void;
}

/** The knowledge files of a directory as the manifest records them (sorted by id); throws `KnowledgeFileError` as `knowledgeFileNames`. */
export function listKnowledgeFiles(dir: string): ManifestEntry[] {
  return knowledgeFileNames(dir).map((n) => {
    const st = statSync(join(dir, n));
    return { id: n.replace(/\.json$/, ''), size: st.size, mtimeMs: st.mtimeMs };
  });
}

/** Writes the index next to the knowledge (atomically: a temporary file renamed over it). */
export function writeKnowledgeIndex(dir: string, index: MatcherIndex, manifest: readonly ManifestEntry[]): void {
  const file = join(dir, INDEX_FILE);
  // Unique per writer (processes in two containers can share a pid), renamed over the file at once.
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(tmp, encodeIndex(index, manifest));
  renameSync(tmp, file);
}

/** The one-article index of `k` agrees with what `index` holds of it (stems, flags, concepts, text): this code indexes as the file's did. */
function indexesAlike(index: MatcherIndex, k: Knowledge): boolean {
  const a = index.articleById.get(k.article.id);
  if (a === undefined) return false;
  const fresh = buildMatcherIndex([k]);
  const first = index.articleSentStart[a] as number;
  const count = (index.articleSentStart[a + 1] as number) - first;
  if (count !== fresh.sentenceCount) return false;
  const stemsOf = (m: MatcherIndex, i: number): string => {
    const out: string[] = [];
    for (let j = m.sentStemStart[i] as number; j < (m.sentStemStart[i + 1] as number); j++) out.push(`${m.stems.strings[m.stemIds[j] as number] as string}:${m.stemFlags[j] as number}`);
    return out.sort().join(' ');
  };
  const conceptsOf = (m: MatcherIndex, i: number): string => {
    const out: string[] = [];
    for (let j = m.sentConceptStart[i] as number; j < (m.sentConceptStart[i + 1] as number); j++) out.push(`${m.concepts.strings[m.conceptIds[j] as number] as string}:${m.conceptTypes[j] as number}`);
    return out.join(' ');
  };
  for (let o = 0; o < count; o++) {
    const i = first + o;
    if (index.sentFlags[i] !== fresh.sentFlags[o] || index.sentLength[i] !== fresh.sentLength[o]) return false;
    if (stemsOf(index, i) !== stemsOf(fresh, o) || conceptsOf(index, i) !== conceptsOf(fresh, o) || sentenceText(index, i) !== sentenceText(fresh, o)) return false;
  }
  return true;
}

/**
 * Opens the index of a knowledge directory: the index file when it matches the directory,
 * brought up to date in place when it can be, else built from every knowledge file (all or
 * nothing) and written back. Throws `KnowledgeFileError` as `loadKnowledgeFiles` does; a write that fails is only warned about.
 */
export function openKnowledgeIndex(dir: string, options: OpenIndexOptions = {}): OpenedIndex {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const files = listKnowledgeFiles(dir);
  const write = (index: MatcherIndex, manifest: readonly ManifestEntry[]): void => {
    try {
      writeKnowledgeIndex(dir, index, manifest);
    } catch (err) {
      options.warn?.(`could not write ${join(dir, INDEX_FILE)} (answering anyway; the next start builds it again): ${(err as Error).message}`);
    }
  };
  const build = (reason: string): OpenedIndex => {
    // Exactly the files listed (and recorded in the manifest), all or nothing.
    const loaded = loadKnowledgeFiles(dir, files.map((f) => f.id));
    const index = buildMatcherIndex(loaded);
    write(index, files);
    return { index, manifest: files, how: 'built', reason, ms: now() - started };
  };
  const path = join(dir, INDEX_FILE);
  if (!existsSync(path)) return build('no index file yet');
  let loaded: { index: MatcherIndex; manifest: ManifestEntry[] };
  try {
    loaded = decodeIndex(readFileSync(path));
  } catch (err) {
    if (err instanceof IndexFileError) return build(`the index file could not be read (${err.message})`);
    throw err;
  }
  const { index } = loaded;
  const onDisk = new Map(files.map((f) => [f.id, f]));
  const known = new Map(loaded.manifest.map((f) => [f.id, f]));
  const replaced: string[] = [];
  for (const [id, entry] of known) {
    const file = onDisk.get(id);
    if (!file) return build(`${id}.json was removed`);
    if (file.size !== entry.size || file.mtimeMs !== entry.mtimeMs) {
      if (!options.previous?.has(id)) return build(`${id}.json changed`);
      replaced.push(id);
    }
  }
  const added = files.filter((f) => !known.has(f.id)).map((f) => f.id);
  // One article indexed again from its file must come out the same: else this code indexes otherwise than the file's.
  const probe = loaded.manifest.find((f) => !replaced.includes(f.id));
  if (probe) {
    let alike = false;
    try {
      alike = indexesAlike(index, readKnowledgeFile(dir, probe.id));
    } catch {
      alike = false;
    }
    if (!alike) return build('the index was written by a version that indexes articles otherwise');
  }
  if (replaced.length === 0 && added.length === 0) return { index, manifest: loaded.manifest, how: 'loaded', ms: now() - started };
  // New and rebuilt articles in place; everything is parsed first, so a bad file changes nothing.
  const fresh = [...replaced, ...added].map((id) => readKnowledgeFile(dir, id));
  forgetEntities(index, replaced.map((id) => options.previous?.get(id) as Knowledge));
  removeArticles(index, replaced);
  addArticles(index, fresh);
  write(index, files);
  return { index, manifest: files, how: 'updated', reason: [added.length > 0 ? `${added.length} new` : '', replaced.length > 0 ? `${replaced.length} rebuilt` : ''].filter(Boolean).join(', '), ms: now() - started };
}
