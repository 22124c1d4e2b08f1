import { describe, expect, it } from 'vitest';
import { ThumbnailCache, sniffImageType } from './thumbnails';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10];

/** A cache over a fake core that counts fetches; blobs become numbered URLs. */
function fakeCache(answer: (id: string, call: number) => Promise<number[]>) {
  const fetched: string[] = [];
  const blobs: Blob[] = [];
  const cache = new ThumbnailCache(
    async (id) => new Uint8Array(await answer(id, fetched.push(id))).buffer,
    (blob) => `blob:thumb/${blobs.push(blob)}`,
  );
  return { cache, fetched, blobs };
}

describe('the thumbnail cache', () => {
  it('fetches an asset once: a re-render gets the same URL without asking the core again', async () => {
    const { cache, fetched } = fakeCache(async () => PNG);
    const first = await cache.url('a');
    expect(cache.cached('a')).toBe(first);
    expect(await cache.url('a')).toBe(first);
    expect(fetched).toEqual(['a']);
  });

  it('shares one fetch between renders that ask at the same time', async () => {
    const { cache, fetched } = fakeCache(async () => PNG);
    const [x, y] = await Promise.all([cache.url('a'), cache.url('a')]);
    expect(x).toBe(y);
    expect(fetched).toEqual(['a']);
  });

  it('keeps one URL per asset', async () => {
    const { cache } = fakeCache(async () => PNG);
    expect(await cache.url('a')).not.toBe(await cache.url('b'));
  });

  it('does not remember a failure: the next render asks again', async () => {
    const { cache, fetched } = fakeCache(async (_id, call) => {
      if (call === 1) throw { code: 'not_found', message: 'no such image', field: null, fields: [] };
      return JPEG;
    });
    await expect(cache.url('a')).rejects.toMatchObject({ code: 'not_found' });
    expect(cache.cached('a')).toBeUndefined();
    expect(await cache.url('a')).toMatch(/^blob:/);
    expect(fetched).toEqual(['a', 'a']);
  });

  it('labels the blob with the format the bytes are in', async () => {
    const { cache, blobs } = fakeCache(async (id) => (id === 'png' ? PNG : JPEG));
    await cache.url('png');
    await cache.url('jpeg');
    expect(blobs.map((b) => b.type)).toEqual(['image/png', 'image/jpeg']);
  });
});

describe('telling an image format from its bytes', () => {
  it('knows the four formats Folio imports, and nothing else', () => {
    const riff = (tag: string) => new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, ...[...tag].map((c) => c.charCodeAt(0))]);
    expect(sniffImageType(new Uint8Array(JPEG))).toBe('image/jpeg');
    expect(sniffImageType(new Uint8Array(PNG))).toBe('image/png');
    expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBe('image/gif');
    expect(sniffImageType(riff('WEBP'))).toBe('image/webp');
    expect(sniffImageType(riff('WAVE'))).toBe('');
    expect(sniffImageType(new TextEncoder().encode('{"not":"an image"}'))).toBe('');
    expect(sniffImageType(new Uint8Array())).toBe('');
  });
});
