import { describe, expect, it } from 'vitest';
import { TYPOLOGY_EXAMPLES } from '../../domain/typology-examples.js';
import { classifyFileText, locateJson } from './classify-file.js';

describe('classifyFileText', () => {
  it('classifies every example organisation as the domain rules do', () => {
    for (const ex of TYPOLOGY_EXAMPLES) {
      const r = classifyFileText(JSON.stringify(ex.organisation, null, 2));
      expect(r.ok, ex.area).toBe(true);
    }
    const r = classifyFileText(JSON.stringify(TYPOLOGY_EXAMPLES[0]!.organisation));
    expect(r.ok && r.typology.organisation.type).toBe('centrally_anchored_professional');
  });

  it('gives the line and column of a JSON syntax error', () => {
    const r = classifyFileText('{\n  "forums": [],\n  "members": [,]\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.line).toBe(3);
    expect(r.problems[0]!.message).toMatch(/^Filen er ikke gyldig JSON/);
  });

  it('gives line, field and what to fix for each wrong field', () => {
    const text = [
      '{',
      '  "forums": [',
      '    { "id": "sg", "kind": "styregruppe", "level": "strategic", "makesDecisions": true, "reportsTo": null }',
      '  ],',
      '  "members": [',
      '    { "forumId": "sg", "role": "member" }',
      '  ],',
      '  "staff": [{ "employer": null, "task": null, "hours": 30 }]',
      '}',
    ].join('\n');
    const r = classifyFileText(text, 'en');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p]));
    expect(byPath['forums.0.kind']).toMatchObject({ line: 3 });
    expect(byPath['forums.0.kind']!.message).toMatch(/^Must be one of: board, steeringGroup/);
    expect(byPath['members.0.represents']).toMatchObject({ line: 6 });
    expect(byPath['members.0.represents']!.message).toMatch(/^Required. Must be one of: political/);
    expect(byPath['staff.0.hours']).toMatchObject({ line: 8, message: 'Unknown fields: hours.' });
  });

  it('says what is missing in a file that is not an object', () => {
    const r = classifyFileText('[]');
    expect(r.ok).toBe(false);
  });
});

describe('locateJson', () => {
  it('finds values and keys by path', () => {
    const at = locateJson('{"a": [1, {"b": "x"}]}');
    expect(at.get('a.1.b')).toBe(16);
    expect(at.get('a.1.b#key')).toBe(11);
  });
});
