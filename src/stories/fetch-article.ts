import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Why a URL gave no article, in words a person can act on. */
export class ArticleFetchError extends Error {}

/** An article read from a web page. */
export interface FetchedArticle {
  /** The page's URL after redirects. */
  url: string;
  title?: string;
  /** The site's name, or its host. */
  source?: string;
  /** YYYY-MM-DD, when the page says. */
  published?: string;
  /** One paragraph a line. */
  text: string;
}

/** Limits of a fetch. */
export interface FetchLimits {
  /** Largest page read, in bytes. */
  maxBytes: number;
  /** The whole fetch, body included, in ms. */
  timeoutMs: number;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Hosts that are this machine or its private network: never fetched for a workspace. */
export function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.internal') || h.endsWith('.local')) return true;
  if (isIP(h) === 4) {
    const [a = 0, b = 0] = h.split('.').map(Number);
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(h) === 6) return h === '::1' || h === '::' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('::ffff:');
  return false;
}

/** The addresses a host name resolves to (every one, IPv4 and IPv6). */
export type ResolveHost = (host: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Refuses a host whose name resolves to a private or local address ("intranet.example.com" →
 * 10.0.0.5), before anything is requested from it. A name that does not resolve is left to the
 * request itself, which then fails with "could not be reached".
 */
async function checkResolvedHost(url: URL, resolve: ResolveHost, signal: AbortSignal): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) return;
  let addresses: string[];
  try {
    addresses = await Promise.race([resolve(host), new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))]);
  } catch {
    signal.throwIfAborted();
    return;
  }
  const inside = addresses.find((a) => isPrivateHost(a));
  if (inside !== undefined) throw new ArticleFetchError(`${url.hostname} points to a private or local address (${inside}); Briefing only fetches public web pages`);
}

/** Most redirects followed for one page. */
const MAX_REDIRECTS = 5;

/** Checks a URL a person gave: http(s), a public host. Throws `ArticleFetchError`. */
export function checkArticleUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ArticleFetchError(`“${raw.trim().slice(0, 200)}” is not a URL: give the article's address, starting with https://`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ArticleFetchError(`only web pages (http or https) can be added, not ${url.protocol} addresses`);
  if (isPrivateHost(url.hostname)) throw new ArticleFetchError(`${url.hostname} is a private or local address; Briefing only fetches public web pages`);
  return url;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Reads at most `max` bytes of a body; more is an error (the rest is not read). */
async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new ArticleFetchError(`the page is ${formatBytes(declared)}, over the limit of ${formatBytes(max)}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new ArticleFetchError(`the page is over the limit of ${formatBytes(max)}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** "2024-09-06" from an ISO-ish date, if it has one. */
function isoDay(value: string | null | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '');
  return m?.[1];
}

const BLOCKS = 'p, h2, h3, h4, li, blockquote, pre';

/** The little of a DOM element the extraction reads (linkedom's elements; no DOM types here). */
interface ElementLike {
  textContent: string | null;
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): Iterable<ElementLike>;
}

/**
 * Extracts the story from a page's HTML with Mozilla's Readability (the Firefox reader view) on
 * a linkedom DOM: the title, the site, the date and the paragraphs of the article body, one a
 * line. Throws `ArticleFetchError` if the page holds no article. Pure.
 */
export function extractArticle(html: string, pageUrl: string): FetchedArticle {
  const { document } = parseHTML(html);
  const meta = (selector: string): string | undefined => document.querySelector(selector)?.getAttribute('content') ?? undefined;
  const published = isoDay(meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? document.querySelector('time[datetime]')?.getAttribute('datetime'));
  // Readability's types name the browser's DOM; linkedom's document is what it reads here.
  const parsed = new Readability<ElementLike>(document as never, { serializer: (node: unknown) => node as ElementLike }).parse();
  if (!parsed?.content) throw new ArticleFetchError('no article text was found on the page (is it a front page, or a page that needs JavaScript?)');
  const body = parsed.content;
  const blocks = [...body.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const lines = (blocks.length > 0 ? blocks.map((el) => el.textContent ?? '') : (parsed.textContent ?? '').split(/\n\s*\n/))
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) throw new ArticleFetchError('no article text was found on the page');
  const host = new URL(pageUrl).hostname.replace(/^www\./, '');
  const day = isoDay(parsed.publishedTime) ?? published;
  return {
    url: pageUrl,
    ...(parsed.title?.trim() ? { title: parsed.title.trim() } : {}),
    source: parsed.siteName?.trim() || host,
    ...(day ? { published: day } : {}),
    text: lines.join('\n'),
  };
}

/**
 * Fetches a web page and extracts its article, within `limits` (size and time, body included).
 * Refuses with `ArticleFetchError`: a private address, no answer in time, an error status (404),
 * a page that is not HTML or plain text (a PDF, an image), one over the size limit, or one with
 * no article. Plain text is taken as the article itself.
 */
export async function fetchArticle(raw: string, limits: FetchLimits, fetchImpl: typeof fetch = fetch, resolve: ResolveHost = resolveWithDns): Promise<FetchedArticle> {
  let url = checkArticleUrl(raw);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    // Redirects are followed here, one hop at a time, so that every address is checked before it is requested.
    let res: Response;
    for (let hops = 0; ; hops++) {
      await checkResolvedHost(url, resolve, signal);
      res = await fetchImpl(url, { signal, redirect: 'manual', headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.8', 'user-agent': 'Briefing (a Slack app that answers questions about news articles)' } });
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (location === null) break;
      await res.body?.cancel().catch(() => undefined);
      if (hops >= MAX_REDIRECTS) throw new ArticleFetchError(`the page redirected more than ${MAX_REDIRECTS} times`);
      url = checkArticleUrl(new URL(location, url).toString());
    }
    const finalUrl = url.toString();
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new ArticleFetchError(`the page answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${res.status === 404 ? ' (not found: check the address)' : ''}`);
    }
    const contentType = res.headers.get('content-type') ?? '';
    const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!HTML_TYPES.has(type) && type !== 'text/plain') {
      await res.body?.cancel().catch(() => undefined);
      throw new ArticleFetchError(`the address is not a web page but ${type || 'an unnamed type'}; give the address of the article's page`);
    }
    const text = decode(await readCapped(res, limits.maxBytes), contentType);
    if (type === 'text/plain') return { url: finalUrl, source: new URL(finalUrl).hostname.replace(/^www\./, ''), text };
    return extractArticle(text, finalUrl);
  } catch (err) {
    if (err instanceof ArticleFetchError) throw err;
    const e = err as { name?: string; cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError' || signal.aborted) throw new ArticleFetchError(`the page did not load within ${Math.round(limits.timeoutMs / 1000)} s`);
    const code = e.cause?.code;
    throw new ArticleFetchError(`the page could not be reached (${code ?? (err as Error).message})`);
  }
}
