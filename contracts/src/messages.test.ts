import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorMessage, errorMessages, formatMessage, validationMessage, type IssueLike } from './messages.js';
import { PlanInput, PlanListQuery } from './registry.js';

/** The issues of a failed parse, in the shape the server's validator hands to validationMessage. */
function issues(schema: z.ZodType, input: unknown): (IssueLike & { path: string })[] {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected the input to be refused');
  return r.error.issues.map(({ path, code, message, ...params }) => ({
    path: path.join('.'),
    keyword: code,
    message,
    params: params as Record<string, unknown>,
  }));
}

function messagesFor(schema: z.ZodType, input: unknown) {
  return Object.fromEntries(
    issues(schema, input).map((i) => [
      i.path,
      { da: validationMessage(i, 'da'), en: validationMessage(i, 'en') },
    ]),
  );
}

const Sample = z
  .object({
    name: z.string().trim().min(1).max(10),
    code: z.string().min(3),
    count: z.number().int().min(2).max(5),
    flag: z.boolean(),
    list: z.array(z.string()).min(1).max(2),
    email: z.email(),
    date: z.iso.date(),
    id: z.uuid(),
    kind: z.enum(['a', 'b']),
  })
  .strict();

describe('validationMessage', () => {
  it('says a missing field must be filled in', () => {
    const m = messagesFor(Sample, {});
    expect(m.name).toEqual({ da: 'Skal udfyldes.', en: 'Required.' });
    expect(m.count).toEqual({ da: 'Skal udfyldes.', en: 'Required.' });
  });

  it('names the expected type when a value has the wrong type', () => {
    const m = messagesFor(Sample, { name: 5, count: 'fem', flag: 'ja', list: 'a' });
    expect(m.name).toEqual({ da: 'Skal være tekst.', en: 'Must be text.' });
    expect(m.count).toEqual({ da: 'Skal være et tal.', en: 'Must be a number.' });
    expect(m.flag).toEqual({ da: 'Skal være ja eller nej.', en: 'Must be yes or no.' });
    expect(m.list).toEqual({ da: 'Skal være en liste.', en: 'Must be a list.' });
  });

  it('asks for a whole number', () => {
    expect(messagesFor(Sample, { count: 2.5 }).count).toEqual({
      da: 'Skal være et heltal.',
      en: 'Must be a whole number.',
    });
  });

  it('gives the limits of too small and too big values', () => {
    const m = messagesFor(Sample, { name: '   ', code: 'ab', count: 9, list: ['a', 'b', 'c'] });
    expect(m.name).toEqual({ da: 'Skal udfyldes.', en: 'Required.' });
    expect(m.code).toEqual({ da: 'Skal være mindst 3 tegn.', en: 'Must be at least 3 characters.' });
    expect(m.count).toEqual({ da: 'Må højst være 5.', en: 'Must be at most 5.' });
    expect(m.list).toEqual({ da: 'Højst 2 elementer.', en: 'At most 2 items.' });
    const n = messagesFor(Sample, { name: 'x'.repeat(11), count: 1, list: [] });
    expect(n.name).toEqual({ da: 'Må højst være 10 tegn.', en: 'Must be at most 10 characters.' });
    expect(n.count).toEqual({ da: 'Skal være mindst 2.', en: 'Must be at least 2.' });
    expect(n.list).toEqual({ da: 'Vælg mindst 1.', en: 'Choose at least 1.' });
  });

  it('explains the expected format of emails, dates and ids', () => {
    const m = messagesFor(Sample, { email: 'ikke en mail', date: '31-12-2024', id: '42' });
    expect(m.email).toEqual({ da: 'Skriv en gyldig e-mailadresse.', en: 'Enter a valid email address.' });
    expect(m.date).toEqual({ da: 'Skriv en dato som ÅÅÅÅ-MM-DD.', en: 'Enter a date as YYYY-MM-DD.' });
    expect(m.id).toEqual({ da: 'Ugyldigt id.', en: 'Invalid id.' });
  });

  it('lists the allowed values of a choice', () => {
    expect(messagesFor(Sample, { kind: 'c' }).kind).toEqual({
      da: 'Skal være en af: a, b.',
      en: 'Must be one of: a, b.',
    });
  });

  it('lists the allowed values of an optional filter (a choice or empty)', () => {
    expect(messagesFor(PlanListQuery, { status: 'bogus' }).status).toEqual({
      da: 'Skal være en af: draft, active, ended.',
      en: 'Must be one of: draft, active, ended.',
    });
  });

  it('explains an invalid id in an optional id filter', () => {
    expect(messagesFor(PlanListQuery, { poolId: 'nope' }).poolId).toEqual({
      da: 'Ugyldigt id.',
      en: 'Invalid id.',
    });
  });

  it('names unknown fields', () => {
    const [issue] = issues(z.object({}).strict(), { colour: 'rød', size: 1 });
    expect(validationMessage(issue!, 'da')).toBe('Ukendte felter: colour, size.');
    expect(validationMessage(issue!, 'en')).toBe('Unknown fields: colour, size.');
  });

  it('falls back to a general sentence for other issues', () => {
    const [issue] = issues(
      z.string().refine(() => false),
      'x',
    );
    expect(validationMessage(issue!, 'da')).toBe('Ugyldig værdi.');
    expect(validationMessage(issue!, 'en')).toBe('Invalid value.');
  });

  it('gives field paths that match the plan form, e.g. grants.0.endDate', () => {
    const paths = issues(PlanInput, {
      name: 'Plan',
      poolId: 'x',
      municipalityId: crypto.randomUUID(),
      housingOrganisationId: crypto.randomUUID(),
      status: 'active',
      focusAreaIds: ['nej'],
      grants: [{ poolId: crypto.randomUUID(), amountOre: 1, startDate: '2024-01-01', endDate: 'snart' }],
    }).map((i) => i.path);
    expect(paths.sort()).toEqual(['focusAreaIds.0', 'grants.0.endDate', 'poolId']);
  });
});

describe('errorMessage', () => {
  it('has a Danish and an English sentence for every code', () => {
    // A message may end with {reason}: a whole sentence of its own (an import file's problem).
    for (const [code, text] of Object.entries(errorMessages)) {
      expect(text.da, code).toMatch(/([.!?)]|\{reason\})$/);
      expect(text.en, code).toMatch(/([.!?)]|\{reason\})$/);
      expect(text.da).not.toBe(text.en);
    }
  });

  it('fills in parameters and leaves unknown placeholders', () => {
    expect(errorMessage('login_throttled', 'da', { minutes: 15 })).toBe(
      'For mange mislykkede forsøg. Vent 15 minutter og prøv igen.',
    );
    expect(formatMessage('{a} og {b}', { a: 1 })).toBe('1 og {b}');
  });

  it('answers an unknown code with the general error', () => {
    expect(errorMessage('no_such_code', 'en')).toBe(errorMessages.internal_error.en);
  });
});
