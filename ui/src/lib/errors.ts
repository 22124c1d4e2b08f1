import type { FolioError } from './api';
import { FIELDS } from './schema';

/** A failed save's field problems by path ("decisions[0].title"), phrased for a label. */
export function fieldErrors(error: FolioError | null): { [path: string]: string } {
  const out: { [path: string]: string } = {};
  for (const f of error?.fields ?? []) out[f.field] = capitalise(f.problem);
  if (error && error.field && !(error.field in out)) out[error.field] = capitalise(error.message);
  return out;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The errors under `prefix` ("metrics[2]"), with the prefix taken off. */
export function under(errors: { [path: string]: string }, prefix: string): { [path: string]: string } {
  const out: { [path: string]: string } = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}

/** What one entry of a list is called, by the list's key. */
const ENTRIES: { [list: string]: string } = {
  links: 'link',
  decisions: 'decision',
  metrics: 'metric',
  images: 'image',
  technologies: 'technology',
  redactions: 'hidden organisation',
  sections: 'section',
};

/** The parts of an entry, where their key does not say it in words. */
const PARTS: { [key: string]: string } = {
  url: 'address',
  baseline: 'before value',
  result: 'after value',
  alt: 'alt text',
  original: 'name',
  replacement: 'description',
};

/** Every form field's label, by key ("targetRole" → "Target role"). */
const LABELS: Map<string, string> = new Map(Object.values(FIELDS).flatMap((fields) => fields.map((f) => [f.key, f.label])));

/** A key in words: "postingUrl" → "posting url". */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A field's path as a person names it: `links[0].url` → "the link's address" (or "link 2's
 * address" when there are several), `title` → "Title", `metrics[1].baseline` → "metric 2's
 * before value". Never shows the path itself.
 */
export function fieldName(path: string, count: (list: string) => number = () => 2): string {
  const entry = /^(\w+)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (entry) {
    const [, list = '', index = '0', part] = entry;
    const one = ENTRIES[list] ?? words(list).replace(/s$/, '');
    const who = count(list) === 1 ? `the ${one}` : `${one} ${Number(index) + 1}`;
    return part ? `${who}'s ${PARTS[part] ?? words(part)}` : who;
  }
  return LABELS.get(path) ?? capitalise(words(path));
}

/**
 * Why a save was refused, in words a person reads: each problem after the name of its
 * field ("The link's address is not a valid address…"); `count` says how many entries a
 * list has, so that a lone link is "the link".
 */
export function problemText(error: FolioError, count?: (list: string) => number): string {
  if (!error.fields.length) return error.message;
  return error.fields.map((f) => `${capitalise(fieldName(f.field, count))} ${f.problem}`).join('; ');
}
