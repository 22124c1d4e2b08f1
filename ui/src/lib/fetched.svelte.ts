// Something the core works out from what is saved (the coach's findings, how an edition
// matches its posting), asked for again shortly after each save. Only the answer to the
// latest question is kept, so a slow early answer never replaces a newer one.
import { toFolioError, type FolioError } from './api';

export class Fetched<T> {
  value: T | null = $state(null);
  error: FolioError | null = $state(null);
  private asked = 0;
  private started = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `delay`: how long after the latest `refresh` to ask, so that a burst of saves asks once. */
  constructor(
    private readonly load: () => Promise<T>,
    private readonly delay: number,
  ) {}

  /** Asks again: at once the first time and after `clear` (nothing is on screen yet), then after `delay`. */
  refresh() {
    clearTimeout(this.timer);
    const mine = ++this.asked;
    const ask = async () => {
      try {
        const value = await this.load();
        if (mine !== this.asked) return;
        this.value = value;
        this.error = null;
      } catch (reason) {
        if (mine === this.asked) this.error = toFolioError(reason);
      }
    };
    if (this.started) this.timer = setTimeout(ask, this.delay);
    else ask();
    this.started = true;
  }

  /** Asks nothing more, and ignores the answer still on its way. */
  stop() {
    clearTimeout(this.timer);
    this.asked++;
  }

  /** Forgets what was fetched: the question no longer applies. */
  clear() {
    this.stop();
    this.value = null;
    this.error = null;
    this.started = false;
  }
}
