import { describe, expect, it } from 'vitest';
import { parsePseudonyms } from './pseudonyms';

describe('parsePseudonyms', () => {
  it('reads one "Name = Pseudonym" per line, skipping blank lines and trimming', () => {
    expect(parsePseudonyms('Anne Hansen = Projektleder A\r\n\n  Bo=Medarbejder B  \n')).toEqual({
      entries: [
        { name: 'Anne Hansen', pseudonym: 'Projektleder A' },
        { name: 'Bo', pseudonym: 'Medarbejder B' },
      ],
      badLine: null,
    });
  });

  it('names the first line without a name, an equals sign or a pseudonym', () => {
    expect(parsePseudonyms('Anne = A\nBo Jensen\nCarl = C').badLine).toBe(2);
    expect(parsePseudonyms('= A').badLine).toBe(1);
    expect(parsePseudonyms('Anne =  ').badLine).toBe(1);
  });

  it('keeps an equals sign inside the pseudonym', () => {
    expect(parsePseudonyms('Anne = A=B').entries).toEqual([{ name: 'Anne', pseudonym: 'A=B' }]);
  });
});
