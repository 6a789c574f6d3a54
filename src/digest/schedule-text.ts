import { Cron } from 'croner';

/** A digest schedule read from what a person typed. */
export type ParsedSchedule = { ok: true; cron: string; timezone: string; description: string } | { ok: false; message: string };

const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** Whether `tz` is an IANA time zone the runtime knows ("Europe/Berlin"). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** "mon", "Monday", "mondays", "tues", "thurs" → 1, 1, 1, 2, 4. */
function dayNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  const key = w.slice(0, 3);
  if (!(key in DAYS)) return undefined;
  const full = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][DAYS[key] as number] ?? '';
  return full.startsWith(w) || w === 'tues' || w === 'thur' || w === 'thurs' ? DAYS[key] : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Parses "every weekday 9:00", "every day at 7:30am", "every mon, thu 17:00" into cron parts. */
function readPlain(words: string[]): { cron: string; description: string } | string {
  const rest = words.filter((w) => !/^(every|at|on|and|,)$/i.test(w));
  let days: string | undefined;
  let dayWords: string | undefined;
  let hour: number | undefined;
  let minute = 0;
  for (let i = 0; i < rest.length; i++) {
    const w = (rest[i] ?? '').toLowerCase().replace(/,$/, '');
    if (/^(day|days|daily)$/.test(w)) [days, dayWords] = ['*', 'every day'];
    else if (/^weekdays?$/.test(w)) [days, dayWords] = ['1-5', 'weekdays'];
    else if (/^weekends?$/.test(w)) [days, dayWords] = ['0,6', 'weekends'];
    else if (w.split(',').every((d) => dayNumber(d) !== undefined)) {
      const list = w.split(',').map((d) => dayNumber(d) as number);
      days = [...new Set([...(days && days !== '*' && !days.includes('-') ? days.split(',').map(Number) : []), ...list])].sort().join(',');
      dayWords = days.split(',').map((d) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][Number(d)]).join(', ');
    } else {
      const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$/.exec(w);
      const suffix = !m?.[3] && /^(am|pm)$/.test((rest[i + 1] ?? '').toLowerCase()) ? (rest[++i] ?? '').toLowerCase() : m?.[3];
      if (!m) return `I don't understand “${rest[i] ?? ''}”`;
      hour = Number(m[1]);
      minute = Number(m[2] ?? 0);
      if (suffix === 'pm' && hour < 12) hour += 12;
      if (suffix === 'am' && hour === 12) hour = 0;
      if (hour > 23 || minute > 59) return `${rest[i] ?? ''} is not a time of day`;
    }
  }
  if (hour === undefined) return 'say at what time, e.g. `every weekday 9:00`';
  days ??= '*';
  return { cron: `${minute} ${hour} * * ${days}`, description: `${dayWords ?? 'every day'} at ${pad(hour)}:${pad(minute)}` };
}

/**
 * Reads a digest schedule as a person types it after `/briefing digest`: "every weekday 9:00
 * Europe/Berlin", "every day at 7:30am", "every mon, thu 17:00 UTC", or a cron expression (5
 * fields, or 6 with seconds) optionally followed by a time zone. A missing zone is
 * `defaultTimezone`. Refused: a pattern that never fires, or one that fires more often than
 * every `minIntervalSeconds`. Pure apart from asking croner for the next runs.
 */
export function parseDigestSchedule(text: string, defaultTimezone: string, minIntervalSeconds: number): ParsedSchedule {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let timezone = defaultTimezone;
  const last = words.at(-1);
  if (last && (/[A-Za-z]+\/[A-Za-z_]+/.test(last) || /^(UTC|GMT)$/i.test(last))) {
    const tz = /^(utc|gmt)$/i.test(last) ? 'UTC' : last;
    if (!isTimeZone(tz)) return { ok: false, message: `“${last}” is not a time zone: use an IANA name like Europe/Berlin or America/New_York.` };
    timezone = tz;
    words.pop();
  }
  let cron: string;
  let description: string;
  const cronLike = (words.length === 5 || words.length === 6) && words.every((w) => /^[\d*/,\-?LW#A-Za-z]+$/.test(w)) && /[*\d]/.test(words[0] ?? '') && !/^every$/i.test(words[0] ?? '');
  if (cronLike) {
    cron = words.join(' ');
    description = `on the cron schedule \`${cron}\``;
  } else {
    const plain = readPlain(words);
    if (typeof plain === 'string') return { ok: false, message: `Couldn't read that schedule: ${plain}. Try \`/briefing digest every weekday 9:00 Europe/Berlin\`, or a cron expression like \`0 9 * * 1-5\`.` };
    ({ cron, description } = plain);
  }
  let runs: Date[];
  try {
    const job = new Cron(cron, { timezone, paused: true });
    runs = job.nextRuns(6);
    job.stop();
  } catch (err) {
    return { ok: false, message: `\`${cron}\` is not a cron expression croner reads (${(err as Error).message}).` };
  }
  if (runs.length === 0) return { ok: false, message: `\`${cron}\` never fires (no such date): choose a day that exists.` };
  for (let i = 1; i < runs.length; i++) {
    const gap = ((runs[i] as Date).getTime() - (runs[i - 1] as Date).getTime()) / 1000;
    if (gap < minIntervalSeconds) return { ok: false, message: `That posts a digest every ${gap >= 60 ? `${Math.round(gap / 60)} minutes` : `${gap} seconds`}; the least time between digests here is ${minIntervalSeconds >= 3600 ? `${minIntervalSeconds / 3600} hour(s)` : `${minIntervalSeconds} seconds`}.` };
  }
  return { ok: true, cron, timezone, description: `${description} (${timezone})` };
}
