import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changed, toasts } from '../../app.svelte';
import type { CaseStudy } from '../../bindings/CaseStudy';
import type { CoachReport } from '../../bindings/CoachReport';
import type { Finding } from '../../bindings/Finding';
import type { ImageRef } from '../../bindings/ImageRef';
import CaseStudyEditor from './CaseStudyEditor.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
  toasts.splice(0);
});

function caseStudy(images: ImageRef[]): CaseStudy {
  return {
    title: 'Checkout',
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
    images,
    decisions: [],
    metrics: [],
    featured: false,
  };
}

const asset = (id: string) => ({ id, sha256: '', mediaType: 'image/png', width: 10, height: 10, byteLen: 10, originalName: `${id}.png` });

const report = (findings: Finding[]): CoachReport => ({ score: 50, explanation: '', advice: [], findings });

/**
 * The editor of case study "cs-1" over a fake core; `calls` records every command but
 * the metric presets. The coach finds `findings`.
 */
function editor(images: ImageRef[], answer: (cmd: string, args: unknown) => unknown = () => null, findings: Finding[] = []) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockWindows('main');
  mockIPC(
    (cmd, args) => {
      if (cmd === 'metric_presets') return [];
      if (cmd === 'known_technologies') return [{ name: 'Go', category: 'language' }];
      calls.push({ cmd, args });
      if (cmd === 'coach') return report(findings);
      if (cmd === 'thumbnail') throw { code: 'not_found', message: 'no thumbnail in tests', field: null, fields: [] };
      return answer(cmd, args);
    },
    { shouldMockEvents: true },
  );
  const item = $state(caseStudy(images));
  const onchange = vi.fn();
  render(CaseStudyEditor, { id: 'cs-1', item, errors: {}, known: [], onchange });
  return { item, onchange, calls };
}

describe('the images of a case study', () => {
  it('shows each image with its text alternative, falling back to the caption', () => {
    editor([
      { asset: 'a', caption: 'Before', alt: 'Old checkout with three steps' },
      { asset: 'b', caption: 'After', alt: '' },
    ]);
    const cards = screen.getAllByTestId('image');
    expect(cards).toHaveLength(2);
    expect(screen.getByRole('img', { name: 'Old checkout with three steps' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'After' })).toBeTruthy();
    expect((cards[0]?.querySelector('input[name="caption"]') as HTMLInputElement).value).toBe('Before');
  });

  it('moves and removes images through onchange', async () => {
    const { item, onchange } = editor([
      { asset: 'a', caption: 'A', alt: '' },
      { asset: 'b', caption: 'B', alt: '' },
    ]);
    await fireEvent.click(screen.getByRole('button', { name: 'Move image 1 later' }));
    expect(item.images.map((i) => i.asset)).toEqual(['b', 'a']);
    await fireEvent.keyDown(screen.getAllByTestId('image')[1] as HTMLElement, { key: 'ArrowLeft', altKey: true });
    expect(item.images.map((i) => i.asset)).toEqual(['a', 'b']);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove image 1' }));
    expect(item.images.map((i) => i.asset)).toEqual(['b']);
    expect(onchange).toHaveBeenCalledTimes(3);
    toasts.at(-1)?.actions[0]?.run();
    expect(item.images.map((i) => i.asset)).toEqual(['a', 'b']);
  });

  it('imports a pasted image and appends it', async () => {
    const { item, onchange, calls } = editor([], (cmd) => (cmd === 'import_image_bytes' ? asset('new') : null));
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'screenshot.png', { type: 'image/png' });
    const pasted = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(pasted, 'clipboardData', {
      value: { types: ['Files'], items: [{ kind: 'file', type: 'image/png', getAsFile: () => file }], files: [file] },
    });
    document.body.dispatchEvent(pasted);
    expect(pasted.defaultPrevented).toBe(true);
    await waitFor(() => expect(item.images).toEqual([{ asset: 'new', caption: '', alt: '' }]));
    expect(onchange).toHaveBeenCalled();
    expect(calls.find((c) => c.cmd === 'import_image_bytes')?.args).toBeInstanceOf(Uint8Array);
  });

  it('leaves a text paste into a field alone, even with an image on the clipboard too', () => {
    const { calls } = editor([{ asset: 'a', caption: '', alt: '' }]);
    const file = new File([new Uint8Array([1])], 'x.png', { type: 'image/png' });
    const caption = screen.getByRole('textbox', { name: 'Caption' });
    const pasted = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(pasted, 'clipboardData', {
      value: { types: ['text/plain', 'Files'], items: [{ kind: 'file', type: 'image/png', getAsFile: () => file }], files: [file] },
    });
    caption.dispatchEvent(pasted);
    expect(pasted.defaultPrevented).toBe(false);
    expect(calls.filter((c) => c.cmd.startsWith('import'))).toEqual([]);
  });

  it('imports files dropped on the window, and shows why a refused one was not added', async () => {
    const { item, calls } = editor([], (cmd, args) => {
      if (cmd !== 'import_image') return null;
      const path = (args as { path: string }).path;
      if (path.endsWith('notes.txt'))
        throw { code: 'image_unsupported', message: 'this is not an image Folio can read', field: null, fields: [] };
      return asset('diagram');
    });
    await new Promise((r) => setTimeout(r, 0)); // the editor starts listening once mounted
    await emit('tauri://drag-enter', { paths: ['/home/me/diagram.png', '/home/me/notes.txt'], position: { x: 1, y: 1 } });
    expect(screen.getByTestId('images-status').textContent).toContain('Drop to add');
    await emit('tauri://drag-drop', { paths: ['/home/me/diagram.png', '/home/me/notes.txt'], position: { x: 1, y: 1 } });
    await waitFor(() => expect(toasts.map((t) => t.message)).toContain('notes.txt: This is not an image Folio can read'));
    expect(item.images.map((i) => i.asset)).toEqual(['diagram']);
    expect(calls.filter((c) => c.cmd === 'import_image').map((c) => (c.args as { path: string }).path)).toEqual([
      '/home/me/diagram.png',
      '/home/me/notes.txt',
    ]);
  });
});

describe('the coach beside the fields', () => {
  const finding = (field: string, id = 'cs-1'): Finding => ({
    check: 'link-not-https',
    severity: 'warning',
    advice: 'keep-it-clean',
    target: { kind: 'case-study', id, title: 'Checkout' },
    field,
    message: `Something about ${field || 'the whole'}`,
    nextStep: 'do this',
  });

  it('puts a finding under the field it concerns, as a quiet note rather than an error', async () => {
    editor([], undefined, [finding('summary')]);
    const field = screen.getByLabelText('Summary').closest('.field') as HTMLElement;
    const hint = await within(field).findByRole('note');
    expect(hint.classList.contains('coach-hint')).toBe(true);
    expect(hint.textContent).toContain('Something about summary — do this');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a finding about a list entry under it, and one with no place in a Coach list at the top', async () => {
    editor([{ asset: 'a', caption: '', alt: '' }], undefined, [
      finding('images[0].alt'),
      finding(''),
      finding('decisions[2].rationale'),
      finding('summary', 'another-case-study'),
    ]);
    const card = screen.getByTestId('image');
    expect((await within(card).findByRole('note')).textContent).toContain('images[0].alt');
    // At the top, one line: the first finding and how many more; a click shows them all.
    const top = screen.getByRole('complementary', { name: 'Coach' });
    expect(
      within(top)
        .getAllByRole('note')
        .map((n) => n.textContent?.trim()),
    ).toEqual(['Something about the whole — do this']);
    const line = within(top).getByRole('button', { expanded: false });
    expect(line.textContent).toContain('+1');
    await fireEvent.click(line);
    expect(
      within(top)
        .getAllByRole('note')
        .map((n) => n.textContent?.trim()),
    ).toEqual(['Something about the whole — do this', 'Something about decisions[2].rationale — do this']);
    expect(screen.getAllByRole('note')).toHaveLength(3);
  });

  it('keeps a line for the coach whether or not it has advice, so advice arriving moves nothing', async () => {
    const { item } = editor([], undefined, []);
    item.links.push({ label: 'Talk', url: 'http://talk.example', internal: false });
    await tick();
    const top = screen.getByRole('complementary', { name: 'Coach' });
    expect(top.textContent).toContain('Nothing to add here for now.');
    // Every place advice can go is there before any arrives: under each field (its
    // note line), each section, each link row.
    const summary = screen.getByLabelText('Summary').closest('.field') as HTMLElement;
    expect(summary.querySelector('.note')).not.toBeNull();
    expect(screen.getAllByTestId('coach-hints').length).toBeGreaterThanOrEqual(6);
    expect(within(screen.getByTestId('link-row')).getByTestId('coach-hints')).toBeTruthy();
  });

  it('drops the hints under the links as soon as one is removed, until the coach has looked again', async () => {
    const findings = [finding('links[0].url'), finding('links[1].url')];
    const { item } = editor([], undefined, findings);
    item.links.push(
      { label: 'Old blog', url: 'http://old.example', internal: false },
      { label: 'Talk', url: 'http://talk.example', internal: false },
    );
    await waitFor(() => expect(screen.getAllByRole('note')).toHaveLength(2));
    await fireEvent.click(screen.getAllByRole('button', { name: 'Remove link' })[0] as HTMLElement);
    // The first hint was about the removed link: it must not slide under the talk.
    expect(screen.queryAllByRole('note')).toEqual([]);
    findings.splice(0, 2, finding('links[0].url'));
    changed();
    const hint = await screen.findByRole('note', {}, { timeout: 2000 });
    expect(hint.textContent).toContain('links[0].url');
  });

  it('asks the coach again shortly after a save', async () => {
    const { calls } = editor([]);
    const asked = () => calls.filter((c) => c.cmd === 'coach').map((c) => c.args);
    await waitFor(() => expect(asked()).toEqual([{ edition: null }]));
    changed();
    changed();
    await waitFor(() => expect(asked()).toHaveLength(2), { timeout: 2000 });
  });
});

describe('the links of a case study', () => {
  it('marks a link as internal', async () => {
    const { item } = editor([]);
    item.links.push({ label: 'Dashboard', url: 'https://grafana.internal', internal: false });
    await fireEvent.click(await screen.findByRole('checkbox', { name: 'Internal link' }));
    expect(item.links[0]?.internal).toBe(true);
  });
});
