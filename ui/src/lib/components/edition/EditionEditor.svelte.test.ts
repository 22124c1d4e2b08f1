import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toasts } from '../../app.svelte';
import type { Edition } from '../../bindings/Edition';
import type { ExportRecord } from '../../bindings/ExportRecord';
import type { MatchReport } from '../../bindings/MatchReport';
import type { Record } from '../../bindings/Record';
import type { Stored } from '../../bindings/Stored';
import RecordEditor from '../records/RecordEditor.svelte';

// pdf.js is not drawn in jsdom: the preview simply stays "Rendering…".
vi.mock('../../pdfjs', () => ({ loadPdfjs: () => new Promise(() => {}) }));

afterEach(() => {
  cleanup();
  clearMocks();
  toasts.splice(0);
});

function edition(overrides: Partial<Edition> = {}): Edition {
  return {
    name: 'Acme application',
    targetRole: '',
    targetCompany: '',
    postingUrl: '',
    notes: '',
    theme: 'modern',
    paper: 'a4',
    format: 'portfolio',
    accent: '',
    sections: [],
    caseStudies: [],
    recommendations: [],
    skills: [],
    posting: '',
    redactions: [],
    relativeMetrics: false,
    internalLinks: false,
    letter: {
      recipientName: '',
      recipientTitle: '',
      recipientCompany: '',
      recipientAddress: '',
      date: null,
      subject: '',
      salutation: '',
      body: '',
      closing: '',
      signature: '',
      drafted: '',
    },
    ...overrides,
  };
}

const stored = <T>(id: string, item: T): Stored<T> => ({ id, createdAt: 0, updatedAt: 0, item });

const CASE_STUDIES = ['Ledger rebuild', 'Search platform'].map((title, i) =>
  stored(`cs-${i + 1}`, { kind: 'case-study', item: { title, organisation: '', start: null, end: null } }),
);
const RECOMMENDATIONS = [
  stored('rec-1', { kind: 'recommendation', item: { authorName: 'Ana', consent: true } }),
  stored('rec-2', { kind: 'recommendation', item: { authorName: 'Ben', consent: false } }),
];

const MATCH: MatchReport = {
  terms: [
    { name: 'Kubernetes', kind: 'technology', mentions: 3, covered: true, evidence: ['Ledger rebuild'] },
    { name: 'Kafka', kind: 'technology', mentions: 2, covered: false, evidence: [] },
    { name: 'Mentoring', kind: 'practice', mentions: 1, covered: false, evidence: [] },
  ],
  covered: 1,
  total: 3,
  score: 50,
  suggestions: [
    { kind: 'case-study', id: 'cs-2', title: 'Search platform', covers: ['Kafka'] },
    { kind: 'recommendation', id: 'rec-2', title: 'Ben', covers: ['Mentoring'] },
  ],
};

/**
 * The editor of an edition over a fake core. `saved` holds each edition the core was
 * asked to store; `answer` may answer (or refuse) any command first.
 */
function editor(item: Edition, answer: (cmd: string, args: unknown) => unknown = () => undefined) {
  const saved: Edition[] = [];
  const asked: string[] = [];
  mockIPC(async (cmd, args) => {
    asked.push(cmd);
    const answered = await answer(cmd, args);
    if (answered !== undefined) return answered;
    switch (cmd) {
      case 'themes':
      case 'exports':
        return [];
      case 'list_records':
        return (args as { kind: string }).kind === 'case-study' ? CASE_STUDIES : RECOMMENDATIONS;
      case 'match_posting':
        return MATCH;
      case 'update_record': {
        const record = (args as { record: Record & { kind: 'edition' } }).record;
        saved.push(record.item);
        return stored('ed-1', record);
      }
      case 'preview_pdf':
        return new Promise(() => {});
    }
  });
  const record = $state(stored<Record>('ed-1', { kind: 'edition', item }));
  render(RecordEditor, {
    stored: record,
    caseStudies: [],
    known: [],
    ondelete: () => {},
  });
  return { saved, asked };
}

describe('matching the job posting', () => {
  it('shows the terms the edition covers and those it misses', async () => {
    editor(edition({ posting: 'Kubernetes, Kafka and mentoring', caseStudies: ['cs-1'] }));
    expect((await screen.findByTestId('match-summary')).textContent?.trim()).toBe('Covers 1 of 3 terms · score 50/100');
    const covered = screen.getByRole('list', { name: 'Covered terms' });
    expect(within(covered).getByText('Kubernetes').title).toBe('Said in Ledger rebuild');
    const missing = screen.getByRole('list', { name: 'Missing terms' });
    expect(
      within(missing)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual(['Kafka — mentioned 2 times, said nowhere in this edition', 'Mentoring — mentioned 1 time, said nowhere in this edition']);
  });

  it('adds a suggested case study to the edition and saves it', async () => {
    const { saved } = editor(edition({ posting: 'Kafka', caseStudies: ['cs-1'] }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Add "Search platform" to the edition' }));
    await waitFor(() => expect(saved.at(-1)?.caseStudies).toEqual(['cs-1', 'cs-2']));
  });

  it('keeps every consented recommendation when adding one to an edition that had them all', async () => {
    const { saved } = editor(edition({ posting: 'Mentoring', caseStudies: ['cs-1'] }));
    await screen.findByText('Ledger rebuild'); // the recommendations are loaded too
    await fireEvent.click(await screen.findByRole('button', { name: 'Add "Ben" to the edition' }));
    await waitFor(() => expect(saved.at(-1)?.recommendations).toEqual(['rec-1', 'rec-2']));
  });

  it('asks nothing while the posting is empty', async () => {
    const { asked } = editor(edition());
    await screen.findByLabelText('Job posting');
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).not.toContain('match_posting');
    expect(screen.queryByTestId('posting-match')).toBeNull();
  });
});

describe('the look', () => {
  it('saves the choice of a résumé', async () => {
    const { saved } = editor(edition());
    await fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'resume' } });
    await waitFor(() => expect(saved.at(-1)?.format).toBe('resume'));
  });
});

describe('confidential work', () => {
  it('saves the organisations to hide as they are typed, and the choice of relative metrics', async () => {
    const { saved } = editor(edition());
    await fireEvent.click(screen.getByRole('button', { name: 'Add an organisation' }));
    await fireEvent.input(screen.getByRole('textbox', { name: 'Organisation to hide (1)' }), {
      target: { value: 'Acme Payments' },
    });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Describe it as (1)' }), { target: { value: 'a European bank' } });
    await fireEvent.click(screen.getByRole('checkbox', { name: /Show metrics as relative change only/ }));
    await waitFor(() =>
      expect(saved.at(-1)).toMatchObject({
        redactions: [{ organisation: 'Acme Payments', replacement: 'a European bank' }],
        relativeMetrics: true,
      }),
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Acme Payments' }));
    await waitFor(() => expect(saved.at(-1)?.redactions).toEqual([]));
  });

  it('focuses the new row, which saves as a blank the core skips', async () => {
    const { saved } = editor(edition());
    await fireEvent.click(screen.getByRole('button', { name: 'Add an organisation' }));
    await waitFor(() => expect(saved.at(-1)?.redactions).toEqual([{ organisation: '', replacement: '' }]));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Organisation to hide (1)' }));
  });

  it('shows a refused row beside it', async () => {
    editor(edition({ redactions: [{ organisation: 'Acme', replacement: 'a bank' }] }), (cmd) => {
      if (cmd === 'update_record') {
        throw {
          code: 'invalid_input',
          message: 'redactions[0].replacement must not be empty',
          field: 'redactions[0].replacement',
          fields: [{ field: 'redactions[0].replacement', problem: 'must not be empty' }],
        };
      }
    });
    const row = await screen.findByTestId('redaction');
    await fireEvent.input(within(row).getByRole('textbox', { name: 'Describe it as (1)' }), { target: { value: '' } });
    expect((await within(row).findByRole('alert')).textContent).toBe('Must not be empty');
    expect(within(row).getByRole('textbox', { name: 'Describe it as (1)' }).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the export history', () => {
  const sent: ExportRecord = {
    id: 'ex-1',
    edition: 'ed-1',
    exportedAt: Date.UTC(2025, 2, 4, 9, 30),
    path: '/home/me/Jane Doe — Acme.pdf',
    sha256: '',
    pages: 3,
    bytes: 40_000,
  };

  it('shows what an export sent in place of the live preview, and goes back', async () => {
    const { asked } = editor(edition(), (cmd) => {
      if (cmd === 'exports') return [sent];
      if (cmd === 'snapshot_pdf') return new ArrayBuffer(8);
    });
    await fireEvent.click(await screen.findByRole('button', { name: 'View what was sent' }));
    const banner = await screen.findByTestId('sent-banner');
    expect(banner.textContent).toContain('What was sent on');
    expect(banner.textContent).toContain('— Jane Doe — Acme.pdf');
    expect(asked).toContain('snapshot_pdf');
    await fireEvent.click(screen.getByRole('button', { name: 'Back to the live preview' }));
    expect(screen.queryByTestId('sent-banner')).toBeNull();
  });

  it('says why when an export has nothing to show', async () => {
    editor(edition(), (cmd) => {
      if (cmd === 'exports') return [sent];
      if (cmd === 'snapshot_pdf') {
        throw { code: 'invalid_input', message: 'this export was made before Folio kept what it sent', field: 'export', fields: [] };
      }
    });
    await fireEvent.click(await screen.findByRole('button', { name: 'View what was sent' }));
    await waitFor(() => expect(toasts.map((t) => t.message)).toEqual(['This export was made before Folio kept what it sent']));
    expect(screen.queryByTestId('sent-banner')).toBeNull();
  });
});
