// The coach's advice on what one editor shows, by where the editor shows it. The coach
// judges what is saved, so it is asked again shortly after each save.
import { onDestroy } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { api } from './api';
import { changes } from './app.svelte';
import type { CoachReport } from './bindings/CoachReport';
import type { Finding } from './bindings/Finding';
import type { Target } from './bindings/Target';
import { byPlace, entryOf } from './coach';
import { Fetched } from './fetched.svelte';

export class Hints {
  readonly #coach = new Fetched<CoachReport>(() => api.coach(null), 600);
  /** Lists whose entries shifted, each with the report on screen when they did. */
  readonly #shifted = new SvelteMap<string, CoachReport | null>();

  /**
   * The findings about what the editor shows, by place (see `byPlace`). Those placed by
   * index in a list whose entries shifted are left out until the next report, so that
   * none shows under the wrong entry.
   */
  readonly byPlace: { [place: string]: Finding[] } = $derived.by(() => {
    const report = this.#coach.value;
    const current = (finding: Finding) => {
      const list = entryOf(finding.field)?.list;
      return !list || !this.#shifted.has(list) || this.#shifted.get(list) !== report;
    };
    return byPlace(report?.findings.filter((f) => this.about(f.target) && current(f)) ?? [], this.shows);
  });

  /**
   * Create it while a component initialises: it asks at once, again after saves, and
   * stops with the component. `about`: whether a finding concerns what the editor shows;
   * `shows`: whether the editor has a place for hints (see `byPlace` and `hasPlace`).
   */
  constructor(
    private readonly about: (target: Target) => boolean,
    private readonly shows: (place: string) => boolean,
  ) {
    $effect(() => {
      void changes.count;
      this.#coach.refresh();
    });
    onDestroy(() => this.#coach.stop());
  }

  /** The entries of `list` shifted: one was removed or put back, or they were reordered. */
  shifted(list: string) {
    this.#shifted.set(list, this.#coach.value);
  }
}
