import { cleanup, render, screen, within } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Check } from '../../bindings/Check';
import type { Finding } from '../../bindings/Finding';
import type { Record } from '../../bindings/Record';
import type { Stored } from '../../bindings/Stored';
import RecordEditor from './RecordEditor.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const recommendation: Stored<Record> = {
  id: 'rec-1',
  createdAt: 0,
  updatedAt: 0,
  item: {
    kind: 'recommendation',
    item: {
      authorName: 'Ana',
      authorTitle: '',
      organisation: '',
      relationship: 'manager',
      date: null,
      text: 'Ana led the ledger rebuild.',
      themes: [],
      caseStudy: null,
      sourceUrl: '',
      consent: false,
    },
  },
};

const finding = (id: string, field: string, message: string, check: Check): Finding => ({
  check,
  severity: 'tip',
  advice: 'recommendations',
  target: { kind: 'recommendation', id, title: 'Ana' },
  field,
  message,
  nextStep: 'ask whether it may be quoted',
});

describe('the coach beside a recommendation', () => {
  it('puts a hint under the field it concerns, and none about another record', async () => {
    mockIPC((cmd) => {
      if (cmd === 'coach') {
        return {
          score: 90,
          explanation: '',
          advice: [],
          findings: [
            finding('rec-1', 'consent', 'Ana has not agreed to be quoted', 'recommendation-no-consent'),
            finding('rec-2', 'sourceUrl', 'Ben has no source', 'link-not-https'),
          ],
        };
      }
    });
    const stored = $state(recommendation);
    render(RecordEditor, { stored, caseStudies: [], known: [], ondelete: () => {} });
    const consent = screen.getByRole('checkbox', { name: /Consent to share/ }).closest('.field') as HTMLElement;
    // Inside Ana's recommendation, the hint does not name her again.
    expect((await within(consent).findByRole('note')).textContent?.trim()).toBe(
      'The author has not agreed to be quoted — ask whether it may be quoted',
    );
    expect(screen.getAllByRole('note')).toHaveLength(1);
  });
});

describe('a skill', () => {
  it('names its level rather than showing a bare number', async () => {
    mockIPC(() => ({ score: 100, explanation: '', advice: [], findings: [] }));
    const stored = $state<Stored<Record>>({
      id: 'skill-1',
      createdAt: 0,
      updatedAt: 0,
      item: { kind: 'skill', item: { name: 'Kafka', area: 'advanced-technical', level: 4, years: 3, evidence: [] } },
    });
    render(RecordEditor, { stored, caseStudies: [], known: [], ondelete: () => {} });
    const level = screen.getByRole('combobox', { name: 'Level' }) as HTMLSelectElement;
    expect([...level.options].map((o) => o.textContent)).toEqual([
      '1 · Aware',
      '2 · Working knowledge',
      '3 · Practitioner',
      '4 · Advanced',
      '5 · Expert',
    ]);
    expect(level.selectedOptions[0]?.textContent).toBe('4 · Advanced');
  });
});
