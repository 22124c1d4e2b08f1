import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { AtsReport } from '../../bindings/AtsReport';
import AtsCheck from './AtsCheck.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const MISREAD: AtsReport = {
  right: 54,
  checked: 55,
  score: 98,
  misreads: [{ field: 'Experience: Staff Engineer, Acme — dates', printed: 'Mar 2021 – Present', read: '' }],
};

function mount(report: AtsReport) {
  const asked: unknown[] = [];
  mockIPC((cmd, args) => {
    if (cmd === 'ats_check') {
      asked.push(args);
      return report;
    }
  });
  render(AtsCheck, { edition: 'ed-1' });
  return asked;
}

describe('the ATS check beside the preview', () => {
  it('says how much an ATS reads right, for this edition in its own look', async () => {
    const asked = mount(MISREAD);
    expect((await screen.findByTestId('ats-score')).textContent).toBe('An ATS reads 98% of the fields right');
    expect(screen.getByTestId('ats-toggle').textContent).toContain('1 misread');
    expect(asked).toEqual([{ request: { edition: 'ed-1', theme: null, paper: null, format: null, file: null } }]);
  });

  it('opens each misread with what was printed and what was read, and Esc closes it', async () => {
    mount(MISREAD);
    await screen.findByTestId('ats-score');
    const toggle = screen.getByTestId('ats-toggle');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const [item] = screen.getAllByTestId('ats-misread');
    expect(item!.textContent).toContain('Experience: Staff Engineer, Acme — dates');
    expect(item!.textContent).toContain('Printed Mar 2021 – Present');
    expect(item!.textContent).toContain('Read (nothing)');
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('ats-details')).toBeNull());
    expect(document.activeElement).toBe(toggle);
  });

  it('says so when every field reads right', async () => {
    mount({ right: 55, checked: 55, score: 100, misreads: [] });
    await screen.findByTestId('ats-score');
    await fireEvent.click(screen.getByTestId('ats-toggle'));
    expect(screen.getByTestId('ats-details').textContent).toContain('Every field reads right');
  });
});
