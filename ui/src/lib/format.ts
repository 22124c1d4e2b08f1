// How dates and periods read on screen, as in the PDF and the CLI: "Mar 2021 – Present".
import type { PartialDate } from './bindings/PartialDate';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2021-03" → "Mar 2021"; "2021" → "2021". */
export function humanDate(date: PartialDate): string {
  const [year, month] = date.split('-');
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  return name ? `${name} ${year}` : (year ?? date);
}

/** A start and an end (null = ongoing) as one phrase; empty when neither is known. */
export function period(start: PartialDate | null, end: PartialDate | null): string {
  if (start && end) return `${humanDate(start)} – ${humanDate(end)}`;
  if (start) return `${humanDate(start)} – Present`;
  if (end) return `until ${humanDate(end)}`;
  return '';
}

/** "1 decision", "3 metrics". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The last part of a path, on any platform: "/home/me/a.pdf" → "a.pdf". */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** "1.2 MB", "840 KB": a file's size as a person reads it. */
export function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A moment in milliseconds since the epoch, as this computer writes date and time. */
export function dateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
