import { describe, expect, it } from 'vitest';
import { FolioError } from './api';
import { Autosaver, flushAll } from './autosave.svelte';

/** A save that waits until released, recording what it was given. */
function controlledSave() {
  const saved: string[] = [];
  const releases: (() => void)[] = [];
  const save = (value: string) =>
    new Promise<void>((resolve) => {
      saved.push(value);
      releases.push(resolve);
    });
  const releaseAll = async () => {
    while (releases.length) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { saved, save, releaseAll };
}

describe('autosave', () => {
  it('sends the first change at once and coalesces what is typed while it is in flight', async () => {
    const { saved, save, releaseAll } = controlledSave();
    const saver = new Autosaver<string>(save);
    for (const text of ['a', 'ab', 'abc', 'abcd']) saver.change(text);
    expect(saved).toEqual(['a']);
    expect(saver.state).toBe('saving');
    await releaseAll();
    await saver.flush();
    expect(saved).toEqual(['a', 'abcd']);
    expect(saver.state).toBe('saved');
  });

  it('flushAll waits until the last keystroke is stored', async () => {
    const stored: string[] = [];
    const saver = new Autosaver<string>(async (v) => {
      await new Promise((r) => setTimeout(r, 5));
      stored.push(v);
    });
    let text = '';
    for (const c of 'quick typing') saver.change((text += c));
    await flushAll();
    expect(stored.at(-1)).toBe('quick typing');
  });

  it('a refused save keeps the draft, reports the fields, and the next edit tries again', async () => {
    let refuse = true;
    const saver = new Autosaver<string>(async () => {
      if (refuse) throw { code: 'invalid_input', message: 'title must not be empty', field: 'title', fields: [] };
    });
    saver.change('');
    await saver.flush();
    expect(saver.state).toBe('invalid');
    expect(saver.error).toBeInstanceOf(FolioError);
    expect(saver.error?.field).toBe('title');
    refuse = false;
    saver.change('Ledger');
    await saver.flush();
    expect(saver.state).toBe('saved');
    expect(saver.error).toBeNull();
  });
});
