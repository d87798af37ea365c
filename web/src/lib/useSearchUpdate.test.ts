import { describe, expect, it } from 'vitest';
import { nextSearch, settleSearch } from './useSearchUpdate';

describe('query string updates', () => {
  it('builds on the address bar when nothing is waiting', () => {
    expect(nextSearch('/plans', '?q=a', (n) => n.set('sort', 'name'))).toBe('?q=a&sort=name');
    settleSearch('/plans', '?q=a&sort=name');
  });

  it('keeps both of two changes made before the page shows the first', () => {
    // A plan picked, then an indicator, while the address bar still shows neither.
    expect(nextSearch('/compare', '?year=2011', (n) => n.set('planIds', 'p1'))).toBe('?year=2011&planIds=p1');
    expect(nextSearch('/compare', '?year=2011', (n) => n.set('sharedIndicatorIds', 's1'))).toBe(
      '?year=2011&planIds=p1&sharedIndicatorIds=s1',
    );
    // Shown: from now on the address bar is the base again.
    settleSearch('/compare', '?year=2011&planIds=p1&sharedIndicatorIds=s1');
    expect(nextSearch('/compare', '?year=2012', (n) => n.delete('planIds'))).toBe('?year=2012');
    settleSearch('/compare', '?year=2012');
  });

  it('does not carry a waiting change to another page', () => {
    nextSearch('/a', '', (n) => n.set('x', '1'));
    expect(nextSearch('/b', '?y=2', (n) => n.set('z', '3'))).toBe('?y=2&z=3');
    settleSearch('/b', '?y=2&z=3');
  });

  it('waits for the change it asked for, not for an earlier render', () => {
    nextSearch('/c', '', (n) => n.set('a', '1'));
    settleSearch('/c', ''); // a render from before the change
    expect(nextSearch('/c', '', (n) => n.set('b', '2'))).toBe('?a=1&b=2');
    settleSearch('/c', '?a=1&b=2');
    expect(nextSearch('/c', '', (n) => n.set('c', '3'))).toBe('?c=3');
  });
});
