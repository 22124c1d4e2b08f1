import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Check } from '../../bindings/Check';
import type { Finding } from '../../bindings/Finding';
import type { Profile } from '../../bindings/Profile';
import type { Target } from '../../bindings/Target';
import ProfileView from './ProfileView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const PROFILE: Target = { kind: null, id: null, title: 'Profile' };
const PORTFOLIO: Target = { kind: null, id: null, title: 'Portfolio' };

const finding = (target: Target, field: string, message: string, check: Check): Finding => ({
  check,
  severity: 'warning',
  advice: 'keep-it-clean',
  target,
  field,
  message,
  nextStep: '',
});

const profile: Profile = {
  fullName: 'Ana Lima',
  headline: '',
  summary: '',
  email: 'ana@example.com',
  phone: '',
  location: '',
  links: [{ label: 'Blog', url: 'http://ana.example', kind: 'blog' }],
  photo: null,
  language: '',
};

/** The profile over a fake core whose coach finds `findings`. */
function profileView(findings: Finding[]) {
  mockIPC((cmd) => {
    if (cmd === 'get_profile') return structuredClone(profile);
    if (cmd === 'coach') return { score: 80, explanation: '', advice: [], findings };
  });
  render(ProfileView);
}

describe('the coach beside the profile', () => {
  it('puts a hint under the field it concerns and leaves out advice on the portfolio as a whole', async () => {
    profileView([
      finding(PROFILE, 'headline', 'The profile has no headline', 'profile-no-headline'),
      finding(PROFILE, 'links[0].url', 'The blog link is not https', 'link-not-https'),
      finding(PROFILE, '', 'The profile was last updated a year ago', 'profile-stale'),
      finding(PORTFOLIO, '', 'The portfolio has no case study', 'no-case-studies'),
    ]);
    const headline = (await screen.findByLabelText('Headline')).closest('.field') as HTMLElement;
    expect((await within(headline).findByRole('note')).textContent).toContain('The profile has no headline');
    const link = screen.getByRole('textbox', { name: 'Link address' }).closest('.link-row') as HTMLElement;
    expect(within(link).getByRole('note').textContent).toContain('The blog link is not https');
    const top = screen.getByRole('complementary', { name: 'Coach' });
    expect(within(top).getByRole('note').textContent).toContain('The profile was last updated a year ago');
    expect(screen.getAllByRole('note')).toHaveLength(3);
  });

  it('drops the hint under a link as soon as the link is removed', async () => {
    profileView([finding(PROFILE, 'links[0].url', 'The blog link is not https', 'link-not-https')]);
    await screen.findByRole('note');
    await fireEvent.click(screen.getByRole('button', { name: 'Remove link' }));
    expect(screen.queryAllByRole('note')).toEqual([]);
  });
});
