import * as chrono from 'chrono-node';
import { monthReadsAsName } from '../nlp/lexicon.ts';

/** A date or time expression of a sentence, as written, with where it stands. */
export interface DateDraft {
  text: string;
  start: number;
  end: number;
}

/** chrono reads relative dates against a day; the build stores the words, so any fixed day does (no clock). */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

const SMALL = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';

/** What chrono does not read: bare years, decades, centuries, spelled-out years, seasons, eras. */
const EXTRA_RE = new RegExp(
  [
    // "in 1970", "the 1953 armistice", "1954, 1974 and 1990" — a year not followed by a unit or counted noun
    // (not a designation that starts with one: "asteroid 2019 RK7")
    `\\b(?:1[0-9]|20)\\d{2}\\b(?!\\s*(?:%|percent|people|kilomet|miles|metres|meters|km|square|barrels|tons|dollars|euros))(?!\\s+\\p{Lu}{1,3}\\d)`,
    `\\b(?:1[0-9]|20)\\d0s\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)[\\s-]+centur(?:y|ies)\\b`,
    `\\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)\\s+centur(?:y|ies)\\b`,
    // "nineteen ninety-eight", "two thousand one"
    `\\b(?:nineteen|eighteen|seventeen) (?:hundred(?: and)? )?(?:(?:${TENS})(?:-(?:${SMALL}))?|${SMALL})\\b`,
    `\\btwo thousand(?:(?: and)? (?:(?:${TENS})(?:-(?:${SMALL}))?|${SMALL}))?\\b`,
    `\\b(?:this|last|next|past|previous|coming)\\s+(?:(?:financial|fiscal|academic|calendar)\\s+)?(?:spring|summer|autumn|fall|winter|decade|century|weekend|season|week|month|year|quarter)\\b`,
    // "the first half of the year", "the second quarter of 2024"
    `\\b(?:first|second|third|fourth|final|last)\\s+(?:half|quarter)\\s+of\\s+(?:the|this|last|next)\\s+year\\b`,
    `\\b(?:earlier|later)\\s+this\\s+(?:week|month|year)\\b`,
    // "the end of the year", "the autumn school holidays", "the first winter"
    `\\b(?:end|start|beginning|middle)\\s+of\\s+(?:the|this|next|last)\\s+(?:year|month|week|season|decade|century)\\b`,
    `\\bthe\\s+(?:(?:first|last|next|coming|following)\\s+)?(?:spring|summer|autumn|winter)\\b`,
    `\\b(?:BC|BCE|AD|CE)\\b`,
    // "decades ago", "two seasons ago", "billions of years ago": a time counted back from the story's
    `\\b(?:(?:${SMALL}|${TENS}|\\d+|a|an|a few|several|many|some)\\s+|(?:hundreds|thousands|millions|billions) of\\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|seasons?|generations?)\\s+ago\\b`,
  ].join('|'),
  'gu',
);

/**
 * Times chrono does not read, in any case: a time counted from another the story names ("a week
 * earlier", "Two years later", "a day after") and a part of the day ("before dawn", "overnight").
 */
const RELATIVE_RE = new RegExp(
  [
    `\\b(?:a|an|one|${SMALL}|\\d+)\\s+(?:days?|weeks?|months?|years?|decades?)\\s+(?:earlier|later)\\b`,
    `\\b(?:a|an|one)\\s+(?:day|week|month|year)\\s+(?:after|before)\\b`,
    `\\b(?:before|at|after|by|until)\\s+(?:dawn|dusk|daybreak|sunrise|sunset|nightfall)\\b`,
    `\\bovernight\\b`,
  ].join('|'),
  'giu',
);

/** Spans chrono reports that are not dates in news text: "sun." (the sun), "may" (the modal), "second" alone. */
function isFalseDate(text: string): boolean {
  // ("Now he eats at school": "now" is the present of the story, not a date, at a sentence's start too.)
  return /^(?:sun|sat|mon|tue|wed|thu|fri)\.?$/i.test(text) || /^(?:may|march|second|now)$/.test(text) || /^now$/i.test(text);
}

const NUMBER_WORD = `\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few`;
/**
 * A length of time, not a point in it: "two days after", "within 30 days", "about an hour
 * after", "14 months". Those are quantities; "years ago" and "three days ago" stay dates.
 */
const DURATION_RE = new RegExp(`^(?:(?:within|about|around|nearly|almost|after|for|some|just|only|more than|less than|at least)\\s+)*(?:(?:${NUMBER_WORD})\\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\\s*)+(?:\\s+(?:after|before|later|earlier))?$`, 'i');

/**
 * Finds the date and time expressions of a sentence with chrono-node ("Thursday night", "last
 * month", "6:15 a.m.", "17 May", "August 2006"), plus the years, decades, centuries and
 * spelled-out years chrono leaves out. Overlapping or adjacent spans ("August seventh,
 * nineteen ninety-eight") become one. Pure.
 */
export function findDates(text: string): DateDraft[] {
  const spans: [number, number][] = [];
  for (const r of chrono.parse(text, REFERENCE)) {
    const t = r.text.replace(/[,.;:]+$/, '').replace(/^(?:on|in|at|by|since|from|until)\s+/i, '');
    if (isFalseDate(t.trim()) || DURATION_RE.test(t.trim()) || /^\d{1,2}$/.test(t.trim())) continue;
    const start = r.index + r.text.indexOf(t);
    // "the hearings would last about ten weeks": after a modal or "to", "last" is the verb and what follows a length of time.
    if (/^last\s/i.test(t) && /\b(?:will|would|could|can|may|might|should|must|to)\s+$/i.test(text.slice(0, start))) continue;
    // "Jan Kowalski", "Coach April Ross": a month word that is a name.
    if (monthReadsAsName(text.slice(0, start), t.trim(), text.slice(start + t.length))) continue;
    // "night shifts", "night work": a part of the day that names a kind of work, not when.
    if (/^(?:night|day|evening)$/i.test(t.trim()) && /^\s+(?:shifts?|work|workers?|jobs?|duty|staff)\b/i.test(text.slice(start + t.length))) continue;
    // "$60,000 a kilogram", "$31,200 a tonne": chrono reads "000 a" inside a digit group as a time ("a" for a.m.).
    if (/\d[,.]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    // "trading at 4.21 per euro": a figure before "per" is a rate, not a time of day.
    if (/^\d+[.:]\d+$/.test(t) && /^\s+per\b/i.test(text.slice(start + t.length))) continue;
    // "3:31.10", "10.02 seconds": a race time, not a time of day.
    if (/^\d{1,2}:\d{2}$/.test(t) && /^\.\d/.test(text.slice(start + t.length, start + t.length + 2))) continue;
    spans.push([start, start + t.length]);
  }
  for (const m of text.matchAll(RELATIVE_RE)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(EXTRA_RE)) {
    // "1,100" and "1.5" are not years: a year has no digit group before it.
    if (/[\d,.]$/.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    spans.push([m.index, m.index + m[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && (span[0] < last[1] || /^,?\s?$/.test(text.slice(last[1], span[0])))) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged.map(([start, end]) => ({ text: text.slice(start, end), start, end }));
}
