import { describe, expect, it } from 'vitest';
import { FolioError, toFolioError, previewFromBytes } from './api';

describe('command failures', () => {
  it('keep the code and field the core sent, the message read as a sentence', () => {
    const e = toFolioError({ code: 'invalid_input', message: 'title must not be empty', field: 'title', fields: [] });
    expect(e).toBeInstanceOf(FolioError);
    expect([e.code, e.field, e.message]).toEqual(['invalid_input', 'title', 'Title must not be empty']);
  });

  it('turn anything else into an internal error with its text', () => {
    const e = toFolioError('window closed');
    expect([e.code, e.message]).toEqual(['internal', 'window closed']);
  });
});

describe('previewFromBytes', () => {
  it('reads the page fingerprints and the PDF after them', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 two pages');
    const bytes = new Uint8Array(4 + 2 * 8 + pdf.length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 2, true);
    view.setBigUint64(4, 0xdeadbeefn, true);
    view.setBigUint64(12, 0xffff_ffff_ffff_fffen, true);
    bytes.set(pdf, 20);

    const preview = previewFromBytes(bytes.buffer);

    expect(preview.pages).toEqual(['deadbeef', 'fffffffffffffffe']);
    expect(new TextDecoder().decode(preview.pdf)).toBe('%PDF-1.7 two pages');
  });

  it('reads a document of no pages as just its PDF', () => {
    const bytes = new Uint8Array([0, 0, 0, 0, 37, 80, 68, 70]);
    const preview = previewFromBytes(bytes.buffer);
    expect(preview.pages).toEqual([]);
    expect(new TextDecoder().decode(preview.pdf)).toBe('%PDF');
  });
});
