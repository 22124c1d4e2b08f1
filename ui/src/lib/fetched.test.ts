import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Fetched } from './fetched.svelte';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A load whose answers are released by hand, in any order. */
function controlledLoad() {
  const waiting: ((value: string) => void)[] = [];
  const load = () => new Promise<string>((resolve) => waiting.push(resolve));
  return { load, waiting };
}

describe('a value fetched again after saves', () => {
  it('asks at once the first time, then once after a burst of refreshes has settled', async () => {
    const load = vi.fn(async () => 'answer');
    const fetched = new Fetched(load, 600);
    fetched.refresh();
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched.value).toBe('answer');
    fetched.refresh();
    await vi.advanceTimersByTimeAsync(500);
    fetched.refresh();
    await vi.advanceTimersByTimeAsync(500);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the answer to the latest question, whatever order the answers arrive in', async () => {
    const { load, waiting } = controlledLoad();
    const fetched = new Fetched(load, 0);
    fetched.refresh();
    fetched.refresh();
    await vi.advanceTimersByTimeAsync(0);
    waiting[1]?.('new');
    waiting[0]?.('old');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched.value).toBe('new');
  });

  it('keeps the error of a failed question, and forgets it once one succeeds', async () => {
    let fail = true;
    const fetched = new Fetched(async () => {
      if (fail) throw { code: 'invalid_input', message: 'posting is empty', field: 'posting', fields: [] };
      return 'answer';
    }, 0);
    fetched.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched.error?.code).toBe('invalid_input');
    fail = false;
    fetched.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched.error).toBeNull();
    expect(fetched.value).toBe('answer');
  });

  it('asks at once again after a clear, as nothing is on screen', async () => {
    const load = vi.fn(async () => 'answer');
    const fetched = new Fetched(load, 600);
    fetched.refresh();
    await vi.advanceTimersByTimeAsync(0);
    fetched.clear();
    fetched.refresh();
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched.value).toBe('answer');
  });

  it('ignores an answer that arrives after it was stopped or cleared', async () => {
    const { load, waiting } = controlledLoad();
    const fetched = new Fetched(load, 0);
    fetched.refresh();
    fetched.clear();
    waiting[0]?.('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched.value).toBeNull();
  });
});
