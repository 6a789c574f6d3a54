/**
 * A child of the matcher bench: Briefing alone, serving from an index file, to measure what its
 * process holds (RSS) without the bench's corpus and baselines. Reads the file given as the first
 * argument, answers every bench question once, and prints one JSON line.
 * Run by bench/matcher.bench.ts: node --import tsx bench/serve.ts <index file>
 */
import { readFileSync } from 'node:fs';
import { answerQuestion } from '../src/answer/answer.ts';
import { decodeIndex } from '../src/index-store/index-file.ts';
import { readQuestions } from './corpus.ts';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: bench/serve.ts <index file>');
const t0 = performance.now();
const { index } = decodeIndex(readFileSync(file));
const decodeMs = performance.now() - t0;
const rssLoaded = process.memoryUsage().rss;
for (const { q } of readQuestions().slice(0, Number(process.argv[3] ?? Infinity))) answerQuestion(index, q);
const m = process.memoryUsage();
console.log(JSON.stringify({ decodeMs, rssLoaded, rss: m.rss, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, maxRss: process.resourceUsage().maxRSS * 1024 }));
