import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { go, route } from '../../app.svelte';
import type { CoachReport } from '../../bindings/CoachReport';
import type { Check } from '../../bindings/Check';
import type { Finding } from '../../bindings/Finding';
import type { Target } from '../../bindings/Target';
import CoachView from './CoachView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
  go('case-study');
});

const PAYMENTS: Target = { kind: 'case-study', id: 'cs-1', title: 'Payments re-platform' };
const PROFILE: Target = { kind: null, id: null, title: 'Profile' };
const PORTFOLIO: Target = { kind: null, id: null, title: 'Portfolio' };

function finding(severity: Finding['severity'], target: Target, message: string, check: Check): Finding {
  return { check, severity, advice: 'quantify', target, field: '', message, nextStep: 'add one, e.g. deployment frequency' };
}

const REPORT: CoachReport = {
  score: 72,
  explanation: 'The mean of 2 pieces of advice.',
  advice: [
    { advice: 'quantify', title: 'Quantify your impact', score: 60, passed: 3, checks: 5, explanation: '3 of 5 checks pass' },
    { advice: 'keep-it-clean', title: 'Keep it clean', score: 84, passed: 5, checks: 6, explanation: '5 of 6 checks pass' },
  ],
  findings: [
    finding('error', PORTFOLIO, 'The portfolio has no case study', 'no-case-studies'),
    finding('warning', PAYMENTS, 'Payments re-platform has no metric', 'case-study-no-metric'),
    finding('tip', PROFILE, 'The profile has no headline', 'profile-no-headline'),
  ],
};

/** The coach view over a fake core; returns the editions the coach was asked about. */
function coachView(report: CoachReport = REPORT) {
  const asked: unknown[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'list_records') return [{ id: 'ed-1', createdAt: 0, updatedAt: 0, item: { kind: 'edition', item: { name: 'Acme' } } }];
    if (cmd === 'coach') {
      asked.push((args as { edition: string | null }).edition);
      return report;
    }
  });
  render(CoachView);
  return asked;
}

describe('the coach', () => {
  it('shows the score, a row per advice and the findings by severity', async () => {
    coachView();
    expect((await screen.findByTestId('coach-score')).textContent).toBe('72/100');
    expect(screen.getByText('The mean of 2 pieces of advice.')).toBeTruthy();
    const rows = screen.getAllByTestId('coach-advice');
    expect(rows.map((r) => r.querySelector('.title')?.textContent)).toEqual(['Quantify your impact', 'Keep it clean']);
    expect(screen.getByRole('meter', { name: 'Quantify your impact: 60 of 100' })).toBeTruthy();
    for (const [heading, message] of [
      ['Errors', 'The portfolio has no case study'],
      ['Warnings', 'Payments re-platform has no metric'],
      ['Tips', 'The profile has no headline'],
    ] as const) {
      const group = screen.getByRole('region', { name: new RegExp(`^${heading}`) });
      expect(within(group).getByText(message)).toBeTruthy();
      expect(within(group).getByText('Add one, e.g. deployment frequency')).toBeTruthy();
    }
  });

  it('opens the record or the profile a finding is about; the portfolio as a whole has nowhere to open', async () => {
    coachView();
    await fireEvent.click(await screen.findByRole('button', { name: 'Open Payments re-platform' }));
    expect(route).toEqual({ place: 'case-study', id: 'cs-1' });
    await fireEvent.click(screen.getByRole('button', { name: 'Open Profile' }));
    expect(route).toEqual({ place: 'profile', id: null });
    expect(screen.getAllByRole('button', { name: /^Open/ })).toHaveLength(2);
  });

  it('says so when every check passes', async () => {
    coachView({ ...REPORT, score: 100, findings: [] });
    expect(await screen.findByText('Nothing to add: every check passes.')).toBeTruthy();
  });

  it('judges one edition when it is chosen', async () => {
    const asked = coachView();
    await screen.findByRole('option', { name: 'Acme' });
    const scope = screen.getByRole('combobox', { name: 'Scope' }) as HTMLSelectElement;
    scope.selectedIndex = 1;
    await fireEvent.change(scope);
    await waitFor(() => expect(asked).toEqual([null, 'ed-1']));
  });
});
