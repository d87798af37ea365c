import { describe, expect, it } from 'vitest';
import { danishCollator, sortDanish } from './danish.js';

const names = (xs: string[]) => sortDanish(xs, (x) => x);

describe('Danish collation', () => {
  it('puts æ, ø and å after z, in that order', () => {
    expect(names(['Åby', 'Ørestad', 'Zahle', 'Ærø', 'Aby', 'Bispehaven'])).toEqual([
      'Aby',
      'Bispehaven',
      'Zahle',
      'Ærø',
      'Ørestad',
      'Åby',
    ]);
  });

  it('sorts the double a of Aalborg and Aabenraa as å', () => {
    expect(
      names(['Aalborg Kommune', 'Albertslund Kommune', 'Århus', 'Vejle Kommune', 'Aabenraa Kommune']),
    ).toEqual(['Albertslund Kommune', 'Vejle Kommune', 'Aabenraa Kommune', 'Aalborg Kommune', 'Århus']);
    expect(danishCollator.compare('Aalborg', 'Zealand')).toBeGreaterThan(0);
  });

  it('ignores case and sorts numbers inside names by value', () => {
    expect(danishCollator.compare('vollsmose', 'Vollsmose')).toBe(0);
    expect(names(['Afdeling 10', 'Afdeling 9', 'Afdeling 101'])).toEqual([
      'Afdeling 9',
      'Afdeling 10',
      'Afdeling 101',
    ]);
  });

  it('does not change the list it is given', () => {
    const input = ['Ø', 'A'];
    const sorted = names(input);
    expect(input).toEqual(['Ø', 'A']);
    expect(sorted).toEqual(['A', 'Ø']);
  });
});
