import { describe, expect, it } from 'vitest';
import { FolioError } from './api';
import { fieldErrors, fieldName, problemText, under } from './errors';
import { moved } from './reorder';

describe('field errors', () => {
  it('are keyed by path and read as sentences', () => {
    const e = new FolioError({
      code: 'invalid_input',
      message: 'title must not be empty',
      field: 'title',
      fields: [
        { field: 'title', problem: 'must not be empty' },
        { field: 'metrics[1].baseline', problem: 'must be a finite number' },
      ],
    });
    const errors = fieldErrors(e);
    expect(errors['title']).toBe('Must not be empty');
    expect(under(errors, 'metrics[1]')).toEqual({ baseline: 'Must be a finite number' });
    expect(under(errors, 'metrics[0]')).toEqual({});
  });

  it('are empty when nothing failed', () => {
    expect(fieldErrors(null)).toEqual({});
  });

  it('never show a path: fields are named as the form names them', () => {
    expect(fieldName('links[0].url', () => 1)).toBe("the link's address");
    expect(fieldName('links[1].url', () => 3)).toBe("link 2's address");
    expect(fieldName('metrics[0].baseline')).toBe("metric 1's before value");
    expect(fieldName('targetRole')).toBe('Target role');
    expect(fieldName('somethingNew')).toBe('Something new');
    const e = new FolioError({
      code: 'invalid_input',
      message: 'links[0].url is not a valid address (empty host); include https://',
      field: 'links[0].url',
      fields: [{ field: 'links[0].url', problem: 'is not a valid address (empty host); include https://' }],
    });
    const text = problemText(e, () => 1);
    expect(text).toBe("The link's address is not a valid address (empty host); include https://");
    expect(text).not.toMatch(/\[\d\]|\.url/);
  });
});

describe('moving a row', () => {
  it('puts it where it was dropped and leaves the input alone', () => {
    const rows = ['a', 'b', 'c', 'd'];
    expect(moved(rows, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moved(rows, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(rows).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores moves off either end', () => {
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});
