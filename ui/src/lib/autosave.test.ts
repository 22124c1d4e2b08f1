import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { FolioError } from './api';
import { Autosaver, flushAll, holdBack, mayLeave, saving, unsaved } from './autosave.svelte';

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

describe('leaving an edit', () => {
  afterEach(() => clearMocks());

  it('goes on without asking once everything is saved', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => void asked.push([cmd, args]));
    const { save, releaseAll } = controlledSave();
    const saver = new Autosaver<string>(save);
    saver.change('typed');
    const leaving = mayLeave();
    await releaseAll();
    expect(await leaving).toBe(true);
    expect(asked).toEqual([]);
    saver.dispose();
  });

  it('asks when an edit was refused, and stays when told to go back', async () => {
    const asked: string[] = [];
    let answer = 'Go back';
    mockIPC((cmd, args) => {
      asked.push(`${cmd}: ${(args as { title?: string }).title}`);
      return answer;
    });
    const saver = new Autosaver<string>(async () => {
      throw new FolioError({ code: 'invalid_input', message: 'start is not a date', field: 'start', fields: [] });
    });
    saver.change('2021-13');
    expect(await mayLeave()).toBe(false);
    expect(asked).toEqual(['plugin:dialog|message: Leave without saving it?']);
    answer = 'Leave anyway';
    expect(await mayLeave()).toBe(true);
    saver.dispose();
  });

  it('text a field holds back keeps the indicator from saying all is saved', async () => {
    const field = {};
    holdBack(field, true);
    expect(saving.state).toBe('invalid');
    expect(saving.message).toContain('not saved');
    expect(unsaved()).toBe(true);
    const forget = holdBack(field, false);
    expect(saving.state).toBe('saved');
    holdBack(field, true);
    forget();
    expect(saving.state).toBe('saved');
    expect(unsaved()).toBe(false);
  });
});
