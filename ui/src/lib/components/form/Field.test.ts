import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import Field from './Field.svelte';
import MarkdownPreview from './MarkdownPreview.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('a date field', () => {
  it('keeps a malformed date on screen with the reason, and does not write it', async () => {
    const item = { start: '2021-03' as string | null };
    render(Field, { field: { key: 'start', label: 'Start', type: 'date' }, item });
    const input = screen.getByLabelText('Start') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '2021-13' } });
    expect(input.value).toBe('2021-13');
    expect(screen.getByTestId('field-error').textContent).toContain('YYYY-MM');
    expect(item.start).toBe('2021-03');
  });

  it('writes a well-formed date, and null when emptied', async () => {
    const item = { start: null as string | null };
    render(Field, { field: { key: 'start', label: 'Start', type: 'date' }, item });
    const input = screen.getByLabelText('Start') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '2024-02' } });
    expect(item.start).toBe('2024-02');
    await fireEvent.input(input, { target: { value: '' } });
    expect(item.start).toBeNull();
  });
});

describe('a number field', () => {
  it('refuses text and out-of-range values without losing them', async () => {
    const item = { level: 3 };
    render(Field, { field: { key: 'level', label: 'Level', type: 'number', min: 1, max: 5 }, item });
    const input = screen.getByLabelText('Level') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '9' } });
    expect(screen.getByTestId('field-error').textContent).toContain('between 1 and 5');
    expect(item.level).toBe(3);
    await fireEvent.input(input, { target: { value: '4' } });
    expect(item.level).toBe(4);
  });
});

describe('the Markdown preview', () => {
  it('shows markup typed by the user as text, never as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    mockIPC((cmd, args) => {
      if (cmd === 'markdown') {
        return [{ type: 'paragraph', text: [{ text: (args as { text: string }).text, bold: false, italic: false, link: null }] }];
      }
    });
    const { container } = render(MarkdownPreview, { text: hostile });
    expect(await screen.findByText(hostile)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows bold runs and list markers', async () => {
    mockIPC(() => [
      { type: 'paragraph', text: [{ text: 'cut', bold: true, italic: false, link: null }] },
      { type: 'item', marker: '•', depth: 0, text: [{ text: 'one', bold: false, italic: false, link: null }] },
    ]);
    render(MarkdownPreview, { text: '**cut**\n\n- one' });
    expect((await screen.findByText('cut')).classList.contains('b')).toBe(true);
    expect(screen.getByText('•')).toBeTruthy();
  });
});
