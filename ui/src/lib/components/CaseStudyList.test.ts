import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CaseStudy } from '../bindings/CaseStudy';
import type { Stored } from '../bindings/Stored';
import CaseStudyList from './CaseStudyList.svelte';

function stored(item: Partial<CaseStudy>): Stored<CaseStudy> {
  return {
    id: crypto.randomUUID(),
    createdAt: 0,
    updatedAt: 0,
    item: {
      title: 'Untitled',
      organisation: '',
      role: '',
      start: null,
      end: null,
      kinds: [],
      summary: '',
      context: '',
      contribution: '',
      outcome: '',
      teamSize: null,
      technologies: [],
      links: [],
      images: [],
      decisions: [],
      metrics: [],
      featured: false,
      ...item,
    },
  };
}

describe('the case study list', () => {
  it('shows each case study with its organisation, role and period', () => {
    render(CaseStudyList, {
      caseStudies: [
        stored({ title: 'Ledger', organisation: 'Acme', role: 'Staff Engineer', start: '2023-02', kinds: ['architecture'] }),
      ],
    });
    expect(screen.getByText('Ledger')).toBeTruthy();
    expect(screen.getByText('Acme · Staff Engineer · Feb 2023 – present')).toBeTruthy();
    expect(screen.getByText('Architecture')).toBeTruthy();
  });

  it('says what to do next when there are none', () => {
    render(CaseStudyList, { caseStudies: [] });
    expect(screen.getByText(/No case studies yet/)).toBeTruthy();
  });

  it('shows markup typed by the user as text, never as HTML', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(CaseStudyList, { caseStudies: [stored({ title: hostile, summary: hostile })] });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(hostile, { selector: 'h3' })).toBeTruthy();
  });
});
