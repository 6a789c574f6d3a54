import { crc32 } from 'node:zlib';
import type { Column, PostingTable } from '../matcher/columns.ts';
import { columnLengths, compactIndex, createMatcherIndex, createScratch, type AliasEntry, type ArticleEntry, type ColumnName, type MatcherIndex } from '../matcher/search-index.ts';

/*
 * The matcher's index as one file: a short magic, a JSON header (counts, vocabularies, article
 * metadata, aliases, the manifest of the knowledge files it was built from) and every typed
 * column as raw little-endian bytes, each at an 8-byte boundary. Loading maps the columns onto
 * the file's bytes without copying them, so a start reads the file and parses the header.
 */

/** Bumped whenever what the index stores, or how, changes: an index of another version is rebuilt. */
export const INDEX_FORMAT_VERSION = 8;

const MAGIC = 'BRIEFIDX';
/** After the magic: the header's length and its CRC-32 (4 bytes each), then the header. */
const HEADER_AT = MAGIC.length + 8;

/** One knowledge file the index holds, as it was when indexed. */
export interface ManifestEntry {
  id: string;
  /** The file's size in bytes and last modification time (ms), to tell it changed. */
  size: number;
  mtimeMs: number;
}

/** An index file's contents could not be read: the index is rebuilt from the knowledge. */
export class IndexFileError extends Error {}

type TableName = 'sentenceStems' | 'sentenceConcepts' | 'subjectStems' | 'subjectConcepts' | 'unknownSentences' | 'speakerConcepts' | 'speakerStems';

const TABLES: readonly TableName[] = ['sentenceStems', 'sentenceConcepts', 'subjectStems', 'subjectConcepts', 'unknownSentences', 'speakerConcepts', 'speakerStems'];

interface Header {
  version: number;
  counts: { articleCount: number; paragraphCount: number; sentenceCount: number; liveSentences: number; totalLength: number; sortedCount: number; claimCount: number; classCount: number };
  columns: { name: string; type: string; length: number; offset: number }[];
  stems: string[];
  concepts: string[];
  conceptNames: string[];
  conceptKinds: number[];
  claimSpeaker: string[];
  articles: ArticleEntry[];
  aliases: [string, AliasEntry[]][];
  aliasRefs: [string, number][];
  affiliated: [string, string[]][];
  affiliationRefs: [string, number][];
  manifest: ManifestEntry[];
  /** CRC-32 of the columns' bytes: a damaged file is rebuilt, never answered from. */
  crc32: number;
}

const TYPES: Record<string, new (buffer: ArrayBufferLike, offset: number, length: number) => Column> = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array };

/** The index (compacted first) and the manifest of what it was built from, as the bytes of an index file. */
export function encodeIndex(index: MatcherIndex, manifest: readonly ManifestEntry[]): Uint8Array {
  compactIndex(index);
  const lengths = columnLengths(index);
  const blobs: { name: string; data: Column }[] = [];
  for (const name of Object.keys(lengths) as ColumnName[]) blobs.push({ name, data: (index[name] as Column).subarray(0, lengths[name]) });
  for (const t of TABLES) {
    const table: PostingTable = index[t];
    blobs.push({ name: `${t}.offsets`, data: table.offsets }, { name: `${t}.entries`, data: table.entries });
  }
  let offset = 0;
  const columns = blobs.map(({ name, data }) => {
    const c = { name, type: data.constructor.name, length: data.length, offset };
    offset += Math.ceil(data.byteLength / 8) * 8;
    return c;
  });
  const data = new Uint8Array(offset);
  blobs.forEach(({ data: column }, k) => data.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), (columns[k] as { offset: number }).offset));
  const header: Header = {
    version: INDEX_FORMAT_VERSION,
    counts: { articleCount: index.articleCount, paragraphCount: index.paragraphCount, sentenceCount: index.sentenceCount, liveSentences: index.liveSentences, totalLength: index.totalLength, sortedCount: index.sortedCount, claimCount: index.claimCount, classCount: index.classCount },
    columns,
    stems: index.stems.strings,
    concepts: index.concepts.strings,
    conceptNames: index.conceptNames,
    conceptKinds: index.conceptKinds,
    claimSpeaker: index.claimSpeaker,
    articles: index.articles,
    aliases: [...index.aliases],
    aliasRefs: [...index.aliasRefs],
    affiliated: [...index.affiliated].map(([k, v]) => [k, [...v]]),
    affiliationRefs: [...index.affiliationRefs],
    manifest: [...manifest],
    crc32: crc32(data),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((HEADER_AT + json.length) / 8) * 8;
  const out = new Uint8Array(start + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, json.length, true);
  new DataView(out.buffer).setUint32(MAGIC.length + 4, crc32(json), true);
  out.set(json, HEADER_AT);
  out.set(data, start);
  return out;
}

/**
 * An index read back from the bytes of an index file, with its manifest; its columns are views on
 * `bytes` (not copies), so `bytes` must not change afterwards. Throws `IndexFileError` when they are not one.
 */
export function decodeIndex(bytes: Uint8Array): { index: MatcherIndex; manifest: ManifestEntry[] } {
  try {
    return decodeChecked(bytes);
  } catch (err) {
    // Whatever else a damaged file makes fail is a file that cannot be read, never a crash.
    if (err instanceof IndexFileError) throw err;
    throw new IndexFileError(`it does not hold what an index holds (${(err as Error).message})`);
  }
}

function decodeChecked(bytes: Uint8Array): { index: MatcherIndex; manifest: ManifestEntry[] } {
  if (bytes.length < HEADER_AT || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new IndexFileError('not an index file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(MAGIC.length, true);
  if (HEADER_AT + jsonLength > bytes.length) throw new IndexFileError('the file is cut short');
  const json = bytes.subarray(HEADER_AT, HEADER_AT + jsonLength);
  if (crc32(json) !== view.getUint32(MAGIC.length + 4, true)) throw new IndexFileError('its header does not match its checksum (the file is damaged)');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(json)) as Header;
  } catch (err) {
    throw new IndexFileError(`its header is not JSON: ${(err as Error).message}`);
  }
  if (header?.version !== INDEX_FORMAT_VERSION) throw new IndexFileError(`it is of format ${String(header?.version)}, this version reads ${INDEX_FORMAT_VERSION}`);
  const start = Math.ceil((HEADER_AT + jsonLength) / 8) * 8;
  // Columns are views on the file's own bytes where they are 8-byte aligned (a file read whole is), else on one aligned copy.
  const aligned = (bytes.byteOffset + start) % 8 === 0;
  const data = aligned ? bytes.subarray(start) : Uint8Array.from(bytes.subarray(start));
  if (crc32(data) !== header.crc32) throw new IndexFileError('its columns do not match their checksum (the file is damaged)');
  const columns = new Map<string, Column>();
  for (const c of header.columns) {
    const Type = TYPES[c.type];
    if (!Type) throw new IndexFileError(`unknown column type ${c.type}`);
    const byteLength = c.length * (Type as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    if (!Number.isInteger(c.offset) || !Number.isInteger(c.length) || c.offset < 0 || c.length < 0 || c.offset + byteLength > data.length || c.offset % 8 !== 0) throw new IndexFileError(`column ${c.name} lies outside the file`);
    columns.set(c.name, new Type(data.buffer, data.byteOffset + c.offset, c.length));
  }
  const column = <T extends Column>(name: string): T => {
    const c = columns.get(name);
    if (!c) throw new IndexFileError(`column ${name} is missing`);
    return c as T;
  };
  const index = createMatcherIndex();
  Object.assign(index, header.counts);
  const lengths = columnLengths({ ...index, ...header.counts } as MatcherIndex);
  for (const name of Object.keys(lengths) as ColumnName[]) (index as unknown as Record<string, Column>)[name] = column(name);
  for (const t of TABLES) index[t] = { offsets: column(`${t}.offsets`), entries: column(`${t}.entries`), delta: new Map(), deltaSize: 0 };
  index.stems = { ids: new Map(header.stems.map((s, i) => [s, i])), strings: header.stems };
  index.concepts = { ids: new Map(header.concepts.map((s, i) => [s, i])), strings: header.concepts };
  index.conceptNames = header.conceptNames;
  index.conceptKinds = header.conceptKinds;
  index.claimSpeaker = header.claimSpeaker;
  index.articles = header.articles;
  index.articleById = new Map();
  header.articles.forEach((a, i) => {
    if (!index.removed[i]) index.articleById.set(a.article.id, i);
  });
  index.aliases = new Map(header.aliases);
  index.aliasRefs = new Map(header.aliasRefs);
  index.affiliated = new Map(header.affiliated.map(([k, v]) => [k, new Set(v)]));
  index.affiliationRefs = new Map(header.affiliationRefs);
  // Paragraphs added from now on get classes of their own (the content hashes are not kept on disk).
  index.classes = new Map();
  index.classExample = new Array<number>(header.counts.classCount).fill(-1);
  index.scratch = createScratch(index.stems.strings.length, index.concepts.strings.length);
  // Lengths cross-checked: a column that disagrees with the counts means a damaged file.
  const expected = columnLengths(index);
  for (const name of Object.keys(expected) as ColumnName[]) {
    if ((index[name] as Column).length !== expected[name]) throw new IndexFileError(`column ${name} holds ${(index[name] as Column).length} items, the counts say ${expected[name]}`);
  }
  return { index, manifest: header.manifest };
}

/** A copy of an index that can change without changing the original (through its file form: the columns are copied, not rebuilt). */
export function cloneIndex(index: MatcherIndex): MatcherIndex {
  return decodeIndex(encodeIndex(index, [])).index;
}
