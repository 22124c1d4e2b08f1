import { describe, expect, it } from 'vitest';
import { FolioError, toFolioError } from './api';

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
