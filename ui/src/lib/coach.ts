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

/** Where a finding is fixed: its record, or the profile; null for the portfolio as a whole. */
export function destination(target: Target): { place: Place; id: string | null } | null {
  if (target.kind && target.id) return { place: placeOf(target.kind), id: target.id };
  // The core names its two record-less targets "Profile" and "Portfolio".
  return target.title === 'Profile' ? { place: 'profile', id: null } : null;
}

/**
 * Findings by where an editor shows them: under their own field when the editor has a
 * place for it ("summary"), else under the list entry the field belongs to
 * ("decisions[0]" for "decisions[0].rationale"), else under '' (a list of their own).
 */
export function byPlace(findings: Finding[], shows: (place: string) => boolean): { [place: string]: Finding[] } {
  const out: { [place: string]: Finding[] } = {};
  for (const finding of findings) {
    const entry = /^\w+\[\d+\]/.exec(finding.field)?.[0];
    const place = [finding.field, entry].find((p) => p && shows(p)) ?? '';
    (out[place] ??= []).push(finding);
  }
  return out;
}
