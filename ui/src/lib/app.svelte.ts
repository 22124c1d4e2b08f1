// The window's shared state: where the user is, and the toasts on screen. Everything
// else lives in the view that owns it and is fetched from the core when shown.
import type { EntityKind } from './bindings/EntityKind';

/** The sidebar's destinations, in order. */
export type Place =
  | 'profile'
  | 'case-study'
  | 'recommendation'
  | 'skill'
  | 'experience'
  | 'credentials'
  | 'writing'
  | 'edition'
  | 'coach'
  | 'linkedin'
  | 'trash'
  | 'data';

export const PLACES: { place: Place; label: string; kinds: EntityKind[] }[] = [
  { place: 'profile', label: 'Profile', kinds: [] },
  { place: 'case-study', label: 'Case studies', kinds: ['case-study'] },
  { place: 'recommendation', label: 'Recommendations', kinds: ['recommendation'] },
  { place: 'skill', label: 'Skills', kinds: ['skill'] },
  { place: 'experience', label: 'Experience', kinds: ['experience'] },
  { place: 'credentials', label: 'Certifications & education', kinds: ['certification', 'education'] },
  { place: 'writing', label: 'Writing & talks', kinds: ['writing'] },
  { place: 'edition', label: 'Editions', kinds: ['edition'] },
  { place: 'coach', label: 'Coach', kinds: [] },
  { place: 'linkedin', label: 'LinkedIn kit', kinds: [] },
  { place: 'trash', label: 'Trash', kinds: [] },
  { place: 'data', label: 'Import & backup', kinds: [] },
];

/** Where a record of `kind` is edited. */
export function placeOf(kind: EntityKind): Place {
  return PLACES.find((p) => p.kinds.includes(kind))?.place ?? 'profile';
}

export const route: { place: Place; id: string | null } = $state({ place: 'case-study', id: null });

/** A field to show once its record's editor is open: where a search matched. */
export const reveal: { id: string | null; field: string; words: string[] } = $state({ id: null, field: '', words: [] });

export function go(place: Place, id: string | null = null) {
  route.place = place;
  route.id = id;
}

/** Where the user was in the portfolio at `database`, remembered per database file. */
const placeKey = (database: string) => `folio:place:${database}`;

export function rememberPlace(database: string) {
  try {
    localStorage.setItem(placeKey(database), JSON.stringify({ place: route.place, id: route.id }));
  } catch {
    // Storage full or unavailable: the app simply opens on Case studies next time.
  }
}

/** Goes back to where the user was last time in this database, if anywhere. */
export function returnToPlace(database: string) {
  try {
    const saved = JSON.parse(localStorage.getItem(placeKey(database)) ?? 'null') as { place?: string; id?: string | null } | null;
    const place = PLACES.find((p) => p.place === saved?.place)?.place;
    if (place) go(place, typeof saved?.id === 'string' ? saved.id : null);
  } catch {
    // Nothing usable remembered.
  }
}

export type Toast = { id: number; message: string; tone: 'info' | 'error'; actions: { label: string; run: () => unknown }[] };

export const toasts: Toast[] = $state([]);
let nextToast = 1;

/** Shows a message for a few seconds (longer when it offers an action). */
/** Shows a toast; returns its id, for `dismiss`. */
export function toast(message: string, options: { tone?: Toast['tone']; actions?: Toast['actions'] } = {}): number {
  const id = nextToast++;
  toasts.push({ id, message, tone: options.tone ?? 'info', actions: options.actions ?? [] });
  setTimeout(() => dismiss(id), options.actions?.length ? 8000 : 4000);
  return id;
}

/** Runs the newest toast's Undo, if one is on screen (Ctrl+Z outside a field). */
export function undoLast(): boolean {
  for (let i = toasts.length - 1; i >= 0; i--) {
    const undo = toasts[i]?.actions.find((a) => a.label === 'Undo');
    if (undo) {
      const id = toasts[i]!.id;
      dismiss(id);
      undo.run();
      return true;
    }
  }
  return false;
}

export function dismiss(id: number) {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

/** Bumped whenever records change, so views showing derived data (the preview) refresh. */
export const changes = $state({ count: 0 });

export function changed() {
  changes.count++;
}
