import nlp from 'compromise';
import worldCountries, { type Country } from 'world-countries';
import { readNamePairs } from './word-lists.ts';

// The package's typings describe a CommonJS default; at run time the ES module's default is the array.
const countries: Country[] = (worldCountries as unknown as { default?: Country[] }).default ?? (worldCountries as unknown as Country[]);

/** A country as the build recognises it: its common name and every other name it goes by. */
export interface CountryEntry {
  name: string;
  /** Official name, alternative spellings, short codes in capitals, demonym. */
  aliases: string[];
  /** Capital cities: a place, and the country's government when it acts ("Pyongyang has rejected …"). */
  capitals: string[];
  /** A sovereign state (not a territory): it wins a name two entries share ("American"). */
  independent: boolean;
  /** What its people are called ("Iranian"), also among the aliases. */
  demonym?: string;
}

let cached: CountryEntry[] | undefined;

/**
 * Countries of the world from the `world-countries` data set, with the names news writing
 * uses for them: "U.S." and "Washington" for the United States, "Tehran" and "Iranian" for Iran.
 * Built once and reused.
 */
export function countryGazetteer(): readonly CountryEntry[] {
  if (cached) return cached;
  const built = countries.map((c) => {
    const aliases = new Set<string>();
    aliases.add(c.name.official);
    for (const alt of c.altSpellings) {
      // Three-letter codes ("USA", "UAE"); two-letter ones only where country-names.txt lists them ("US", "UK"),
      // for most are words of their own in news text ("MP", "AI", "TV", "PM"). Native-script spellings are
      // left out (they never match English text anyway).
      if (/^[A-Z]{3}$/.test(alt) || (alt.length > 3 && /^[\p{Script=Latin}\s,.'’()-]+$/u.test(alt))) aliases.add(alt);
    }
    const capitals = new Set<string>();
    for (const capital of c.capital ?? []) {
      capitals.add(capital);
      capitals.add(capital.replace(/\s+D\.?C\.?$/, ''));
    }
    const demonym = c.demonyms?.['eng']?.m;
    if (demonym) aliases.add(demonym);
    aliases.delete(c.name.common);
    return { name: c.name.common, aliases: [...aliases].filter((a) => !a.includes(',')), capitals: [...capitals], independent: c.independent === true, ...(demonym ? { demonym } : {}) };
  });
  // Sovereign states first, so a name a territory shares ("American") means the state.
  built.sort((a, b) => Number(b.independent) - Number(a.independent));
  const byName = new Map(built.map((c) => [c.name, c]));
  // Everyday names the data set lacks ("Britain").
  for (const [alias, name] of readNamePairs('country-names')) byName.get(name)?.aliases.push(alias);
  // compromise's demonyms the data set spells otherwise ("Philippine"): the one country whose name starts like it.
  const lexicon = (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [word, tags] of Object.entries(lexicon)) {
    if (!(Array.isArray(tags) ? tags : [tags]).includes('Demonym') || word.includes(' ') || /s$/.test(word)) continue;
    const stem = word.slice(0, Math.max(4, word.length - 3));
    const owners = built.filter((c) => c.independent && c.name.toLowerCase().startsWith(stem));
    const demonym = word.charAt(0).toUpperCase() + word.slice(1);
    if (owners.length === 1 && !built.some((c) => c.aliases.includes(demonym))) owners[0]?.aliases.push(demonym);
  }
  cached = built;
  return built;
}
