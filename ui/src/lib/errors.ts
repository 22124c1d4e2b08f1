import type { FolioError } from './api';

/** A failed save's field problems by path ("decisions[0].title"), phrased for a label. */
export function fieldErrors(error: FolioError | null): { [path: string]: string } {
  const out: { [path: string]: string } = {};
  for (const f of error?.fields ?? []) out[f.field] = capitalise(f.problem);
  if (error && error.field && !(error.field in out)) out[error.field] = capitalise(error.message);
  return out;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The errors under `prefix` ("metrics[2]"), with the prefix taken off. */
export function under(errors: { [path: string]: string }, prefix: string): { [path: string]: string } {
  const out: { [path: string]: string } = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}
