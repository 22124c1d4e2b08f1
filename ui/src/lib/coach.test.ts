import { describe, expect, it } from 'vitest';
import type { Finding } from './bindings/Finding';
import { aboutProfile, byPlace, destination, hasPlace, inPlace } from './coach';

const finding = (field: string): Finding => ({
  check: 'vague-verb',
  severity: 'tip',
  advice: 'tell-the-story',
  target: { kind: 'case-study', id: 'cs-1', title: 'Checkout' },
  field,
  message: '',
  nextStep: '',
});

describe('where a finding is shown', () => {
  const shows = (place: string) => ['summary', 'metrics', 'decisions[0]'].includes(place);

  it('goes under its own field, else under the list entry it belongs to, else in the general list', () => {
    const places = byPlace(['summary', 'metrics', 'decisions[0].rationale', 'decisions[4].options', 'title', ''].map(finding), shows);
    expect(Object.fromEntries(Object.entries(places).map(([place, found]) => [place, found.map((f) => f.field)]))).toEqual({
      summary: ['summary'],
      metrics: ['metrics'],
      'decisions[0]': ['decisions[0].rationale'],
      '': ['decisions[4].options', 'title', ''],
    });
  });
});

describe('where an editor has a place for hints', () => {
  const places = new Set(['summary', 'links']);

  it('under its fields and sections, and under the entries its lists have', () => {
    const lists = { links: ['a', 'b'] };
    expect(['summary', 'links', 'links[1]'].every((place) => hasPlace(place, places, lists))).toBe(true);
    expect(['title', 'links[2]', 'links[0].url', 'metrics[0]'].some((place) => hasPlace(place, places, lists))).toBe(false);
  });
});

describe('where a finding leads', () => {
  it('opens its record, or the profile; the portfolio as a whole has no one place', () => {
    expect(destination({ kind: 'recommendation', id: 'r-1', title: 'Ana' })).toEqual({ place: 'recommendation', id: 'r-1' });
    expect(destination({ kind: null, id: null, title: 'Profile' })).toEqual({ place: 'profile', id: null });
    expect(destination({ kind: null, id: null, title: 'Portfolio' })).toBeNull();
  });

  it('tells the profile from the portfolio, and from a record that happens to be called "Profile"', () => {
    expect(aboutProfile({ kind: null, id: null, title: 'Profile' })).toBe(true);
    expect(aboutProfile({ kind: null, id: null, title: 'Portfolio' })).toBe(false);
    expect(aboutProfile({ kind: 'writing', id: 'w-1', title: 'Profile' })).toBe(false);
  });
});

describe('a finding said inside its own editor', () => {
  const said = (title: string, message: string, kind: Finding['target']['kind'] = 'case-study') =>
    inPlace({ ...finding(''), target: { kind, id: 'x', title }, message });

  it('does not name the record that is open', () => {
    expect(said('Ledger', "Case study 'Ledger' has no outcome")).toBe('This case study has no outcome');
    expect(said('Ledger', "Decision 'Outbox' in 'Ledger' gives no rationale")).toBe("Decision 'Outbox' gives no rationale");
    expect(said('Ledger', "The summary of 'Ledger' has 90 words")).toBe('The summary has 90 words');
    expect(said('Maya Okafor', 'Maya Okafor has not agreed to share the recommendation', 'recommendation')).toBe(
      'The author has not agreed to share the recommendation',
    );
    expect(said('Maya (SRE)', "The source link of Maya (SRE)'s recommendation is not https", 'recommendation')).toBe(
      'The source link of the recommendation is not https',
    );
  });

  it('leaves findings about the whole portfolio as they are', () => {
    const whole = { ...finding(''), target: { kind: null, id: null, title: '' }, message: 'No recommendation speaks to mentorship' };
    expect(inPlace(whole)).toBe('No recommendation speaks to mentorship');
  });
});
