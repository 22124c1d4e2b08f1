// Where the coach's findings lead and where they are shown. The findings themselves
// (what is checked, how it scores) belong to the core.
import { placeOf, type Place } from './app.svelte';
import type { Finding } from './bindings/Finding';
import type { Severity } from './bindings/Severity';
import type { Target } from './bindings/Target';

export const SEVERITIES: { severity: Severity; label: string }[] = [
  { severity: 'error', label: 'Errors' },
  { severity: 'warning', label: 'Warnings' },
  { severity: 'tip', label: 'Tips' },
];

/** Whether a finding is about the profile rather than a record or the portfolio as a whole. */
export function aboutProfile(target: Target): boolean {
  // The core names its two record-less targets "Profile" and "Portfolio".
  return target.kind === null && target.title === 'Profile';
}

/** Where a finding is fixed: its record, or the profile; null for the portfolio as a whole. */
export function destination(target: Target): { place: Place; id: string | null } | null {
  if (target.kind && target.id) return { place: placeOf(target.kind), id: target.id };
  // The core's findings about what was copied into LinkedIn name it as their target.
  if (target.kind === null && target.title === 'LinkedIn') return { place: 'linkedin', id: null };
  return aboutProfile(target) ? { place: 'profile', id: null } : null;
}

/** The list entry a field is in: "decisions[0]", of list "decisions", for "decisions[0].rationale". */
export function entryOf(field: string): { entry: string; list: string; index: number } | null {
  const [entry, list, index] = /^(\w+)\[(\d+)\]/.exec(field) ?? [];
  return entry && list && index ? { entry, list, index: Number(index) } : null;
}

/**
 * Whether an editor has a place for hints: one of its `places` (a field or a section:
 * "summary", "links"), or an entry that exists of one of its `lists` ("links[1]" while
 * there are two links).
 */
export function hasPlace(place: string, places: ReadonlySet<string>, lists: { [list: string]: readonly unknown[] } = {}): boolean {
  const entry = entryOf(place);
  if (entry?.entry !== place) return places.has(place);
  return entry.index < (lists[entry.list]?.length ?? 0);
}

/**
 * Findings by where an editor shows them: under their own field when the editor has a
 * place for it ("summary"), else under the list entry the field belongs to
 * ("decisions[0]" for "decisions[0].rationale"), else under '' (a list of their own).
 */
export function byPlace(findings: Finding[], shows: (place: string) => boolean): { [place: string]: Finding[] } {
  const out: { [place: string]: Finding[] } = {};
  for (const finding of findings) {
    const place = [finding.field, entryOf(finding.field)?.entry].find((p) => p && shows(p)) ?? '';
    (out[place] ??= []).push(finding);
  }
  return out;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A finding as said inside the editor of the record it is about, where naming that
 * record again is noise: "Case study 'Ledger' has no outcome" → "This case study has no
 * outcome"; "Decision 'Outbox' in 'Ledger' gives no rationale" → "Decision 'Outbox'
 * gives no rationale"; "Maya has not agreed to share the recommendation" → "The author
 * has not agreed to share the recommendation".
 */
export function inPlace(finding: Finding): string {
  const title = finding.target.title.trim();
  if (!title || !finding.target.id) return finding.message;
  const quoted = `'${escaped(title)}'`;
  return finding.message
    .replace(new RegExp(`^Case study ${quoted}`), 'This case study')
    .replace(new RegExp(` (in|of) ${quoted}`, 'g'), '')
    .replace(new RegExp(`^${escaped(title)}(?= )`), 'The author')
    .replace(new RegExp(`${escaped(title)}'s `, 'g'), 'the ');
}
