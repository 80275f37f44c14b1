// 1- and 2-character pieces of text, for GIN-indexed substring search: a 2-character Chinese query (the usual
// length of a name) is one array containment test, which trigram indexes cannot serve.
const clean = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export function textGrams(...sources: string[]): string[] {
  const out = new Set<string>();
  for (const src of sources) {
    const chars = [...clean(src)];
    chars.forEach((c, i) => {
      out.add(c);
      const next = chars[i + 1];
      if (next !== undefined) out.add(c + next);
    });
  }
  return [...out];
}

/** The grams a stored value must contain to match the query: the query itself up to 2 characters, else its bigrams. */
export function queryGrams(q: string): string[] {
  const chars = [...clean(q)];
  if (chars.length <= 2) return chars.length ? [chars.join('')] : [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return [...out];
}
