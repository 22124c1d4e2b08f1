import { describe, expect, it } from 'vitest';
import { count, humanDate, period } from './format';

describe('dates as people read them', () => {
  it('names the month and keeps bare years', () => {
    expect(humanDate('2021-03')).toBe('Mar 2021');
    expect(humanDate('2021')).toBe('2021');
    expect(humanDate('2021-12-24')).toBe('Dec 2021');
  });

  it('says present for ongoing work and nothing when undated', () => {
    expect(period('2023-02', null)).toBe('Feb 2023 – Present');
    expect(period('2019-09', '2020-12')).toBe('Sep 2019 – Dec 2020');
    expect(period(null, '2020')).toBe('until 2020');
    expect(period(null, null)).toBe('');
  });

  it('counts with the right noun', () => {
    expect(count(1, 'decision')).toBe('1 decision');
    expect(count(3, 'metric')).toBe('3 metrics');
    expect(count(2, 'case study', 'case studies')).toBe('2 case studies');
  });
});
