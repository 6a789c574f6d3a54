import worldCountries, { type Country } from 'world-countries';

// The package's typings describe a CommonJS default; at run time the ES module's default is the array.
const countries: Country[] = (worldCountries as unknown as { default?: Country[] }).default ?? (worldCountries as unknown as Country[]);

/** A country as the build recognises it: its common name and every other name it goes by. */
export interface CountryEntry {
  name: string;
  /** Official name, alternative spellings, short codes in capitals, capital city, demonym. */
  aliases: string[];
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
      // Two-letter codes only where they are in everyday use in capitals ("US", "UK");
      // native-script spellings are left out (they never match English text anyway).
      if (/^[A-Z]{2,3}$/.test(alt) || (alt.length > 3 && /^[\p{Script=Latin}\s,.'’()-]+$/u.test(alt))) aliases.add(alt);
    }
    for (const capital of c.capital ?? []) {
      aliases.add(capital);
      aliases.add(capital.replace(/\s+D\.?C\.?$/, ''));
    }
    const demonym = c.demonyms?.['eng']?.m;
    if (demonym) aliases.add(demonym);
    aliases.delete(c.name.common);
    return { name: c.name.common, aliases: [...aliases].filter((a) => !a.includes(',')) };
  });
  cached = built;
  return built;
}
