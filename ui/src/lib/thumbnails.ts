// Thumbnails as `blob:` URLs, fetched from the core once per asset. An asset is named
// by its content and never changes, so its URL stays good for the whole session and
// re-rendering a list of images costs no IPC. A failed fetch is not remembered: the
// next render asks again.
import { api } from './api';

/** The media type of an image, told from its first bytes ('' if none of ours). */
export function sniffImageType(bytes: Uint8Array): string {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return '';
}

export class ThumbnailCache {
  private readonly urls = new Map<string, string>();
  private readonly loading = new Map<string, Promise<string>>();

  constructor(
    private readonly fetch: (id: string) => Promise<ArrayBuffer>,
    private readonly toUrl: (blob: Blob) => string = (blob) => URL.createObjectURL(blob),
  ) {}

  /** The URL if it is already known, so that a re-render shows it without a flash. */
  cached(id: string): string | undefined {
    return this.urls.get(id);
  }

  /** The thumbnail's URL; concurrent calls for one asset share one fetch. */
  url(id: string): Promise<string> {
    const known = this.urls.get(id);
    if (known !== undefined) return Promise.resolve(known);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.fetch(id)
        .then((buffer) => {
          const bytes = new Uint8Array(buffer);
          const url = this.toUrl(new Blob([bytes], { type: sniffImageType(bytes) }));
          this.urls.set(id, url);
          return url;
        })
        .finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }
}

/** The window's one cache. */
export const thumbnails = new ThumbnailCache((id) => api.thumbnail(id));
