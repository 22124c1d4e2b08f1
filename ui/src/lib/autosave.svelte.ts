// Autosave: every change is sent as soon as the previous save has returned, so at most
// one save is in flight and the next one carries the latest draft. Nothing waits for a
// pause in typing, so closing the window right after a keystroke loses nothing that
// was already sent; `flushAll` waits for whatever is still pending.
import { ask } from '@tauri-apps/plugin-dialog';
import { toFolioError, type FolioError } from './api';
import { toast } from './app.svelte';

export type SaveState = 'saved' | 'saving' | 'invalid' | 'failed';

// The sets here are bookkeeping, read only by `refresh`; `saving` is what the UI reacts to.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const pending = new Set<Autosaver<unknown>>();

/** Reactive summary of every autosaver, for the quiet indicator in the header. */
export const saving = $state({ state: 'saved' as SaveState, message: '' });

function refresh() {
  let state: SaveState = 'saved';
  let message = '';
  for (const a of all) {
    if (a.state === 'failed' || a.state === 'invalid') {
      state = a.state;
      message = a.error?.message ?? '';
    } else if (a.state === 'saving' && state === 'saved') {
      state = 'saving';
    }
  }
  // Text a field holds back (a date like "2021-13") is on screen but not stored: the
  // indicator never says all is saved while it is there.
  if (heldBack.size > 0 && state !== 'failed') {
    state = 'invalid';
    message ||= 'A field holds text that is not saved yet; it is marked.';
  }
  saving.state = state;
  saving.message = message;
}

// eslint-disable-next-line svelte/prefer-svelte-reactivity
const all = new Set<Autosaver<unknown>>();

export class Autosaver<T> {
  state: SaveState = $state('saved');
  error: FolioError | null = $state(null);
  private next: T | undefined;
  private running: Promise<void> | null = null;

  constructor(private readonly save: (value: T) => Promise<unknown>) {
    all.add(this as Autosaver<unknown>);
  }

  /** Call on every edit with the whole new value. */
  change(value: T) {
    this.next = value;
    this.state = 'saving';
    pending.add(this as Autosaver<unknown>);
    refresh();
    this.running ??= this.loop();
  }

  private async loop() {
    while (this.next !== undefined) {
      const value = this.next;
      this.next = undefined;
      try {
        await this.save(value);
        this.error = null;
        this.state = this.next === undefined ? 'saved' : 'saving';
      } catch (reason) {
        this.error = toFolioError(reason);
        this.state = this.error.code === 'invalid_input' ? 'invalid' : 'failed';
      }
    }
    this.running = null;
    pending.delete(this as Autosaver<unknown>);
    refresh();
  }

  /** Resolves once everything changed so far has been saved (or refused). */
  async flush() {
    while (this.running) await this.running;
  }

  /** The editor is gone: a refused edit can no longer be fixed there, so say so. */
  dispose() {
    if (this.state === 'invalid' || this.state === 'failed') {
      toast(`A change was not saved: ${this.error?.message ?? 'it was refused'}`, { tone: 'error' });
    }
    all.delete(this as Autosaver<unknown>);
    refresh();
  }
}

/**
 * Fields holding text they cannot pass on yet (a date like "2021-13"): nothing was
 * sent, so no save was refused, but what is on screen is not stored either.
 */
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const heldBack = new Set<object>();

/** A field says whether it holds back what was typed; returns how to forget it. */
export function holdBack(field: object, held: boolean): () => void {
  if (held) heldBack.add(field);
  else heldBack.delete(field);
  refresh();
  return () => {
    heldBack.delete(field);
    refresh();
  };
}

/** Whether some edit was refused, failed, or is held back by its field, and is not stored. */
export function unsaved(): boolean {
  return heldBack.size > 0 || [...all].some((a) => a.state === 'invalid' || a.state === 'failed');
}

/** Waits for every pending save, e.g. before the window closes. */
export async function flushAll() {
  await Promise.all([...pending].map((a) => a.flush()));
}

/**
 * Before moving away from what is being edited (another record, another section):
 * waits for the saves still pending, then, if an edit is refused and would be left
 * unsaved, asks. Resolves to whether to go on.
 */
export async function mayLeave(): Promise<boolean> {
  await flushAll();
  if (!unsaved()) return true;
  return ask('A change was refused and is not saved; the field that needs fixing is marked.', {
    title: 'Leave without saving it?',
    kind: 'warning',
    okLabel: 'Leave anyway',
    cancelLabel: 'Go back',
  });
}
