// Opening a record where a search matched: the field, scrolled to the middle of the
// view, the caret on the matched word (selected, so it stands out), the field briefly
// outlined. The core names the field by its path (`decisions[1].rationale`).
import { entryOf } from './coach';

/** The element that shows each kind of list entry, by the list's key. */
const ENTRIES: { [list: string]: string } = {
  decisions: '[data-testid="decision"]',
  metrics: '[data-testid="metric"]',
  links: '[data-testid="link-row"]',
  images: '[data-testid="image"]',
};

/** The form control (or, failing that, the entry) that edits the field at `path`. */
export function fieldElement(editor: HTMLElement, path: string): HTMLElement | null {
  const entry = entryOf(path);
  if (!entry) return editor.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
  const key = path.includes('.') ? path.split('.').at(-1) : undefined;
  if (entry.list === 'technologies') return editor.querySelector<HTMLElement>('[aria-label="Add a technology"]');
  const selector = ENTRIES[entry.list];
  const row = selector ? editor.querySelectorAll<HTMLElement>(selector)[entry.index] : undefined;
  if (!row) return null;
  return (key && row.querySelector<HTMLElement>(`[name="${CSS.escape(key)}"]`)) || row;
}

/** Shows `element`: in the middle of its pane, focused, the first of `words` selected. */
export function showField(element: HTMLElement, words: string[]) {
  element.scrollIntoView({ block: 'center' });
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.focus({ preventScroll: true });
    const text = element.value.toLowerCase();
    const at = words
      .map((w) => ({ start: text.indexOf(w.toLowerCase()), length: w.length }))
      .filter((m) => m.start >= 0)
      .sort((a, b) => a.start - b.start)[0];
    if (at) element.setSelectionRange(at.start, at.start + at.length);
  }
  element.classList.add('found');
  setTimeout(() => element.classList.remove('found'), 2500);
}
