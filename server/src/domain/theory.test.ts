import { describe, expect, it } from 'vitest';
import {
  compareWithFramework,
  draftFromFramework,
  findPaths,
  foldText,
  latestReading,
  frameworkInScope,
  validateDiagram,
  type DiagramEdge,
  type DiagramNode,
  type Framework,
} from './theory.js';

/**
 * Worked example: a plan with two focus areas. In "Uddannelse og beskæftigelse" (fa-job): the
 * impact goal "Flere i beskæftigelse", the result goal "Flere unge i fritidsjob" under it, and the
 * activity goal "40 unge gennem jobklubben" under that; the result goal has one indicator, the
 * activity goal two. In "Tryghed" (fa-safe): the impact goal "Større tryghed". Activities: the
 * job club (fa-job, serves the activity goal), the homework café (no focus area, serves the
 * result goal) and the summer party (fa-safe, serves nothing).
 */
const framework: Framework = {
  goals: [
    { id: 'imp', level: 'impact', title: 'Flere i beskæftigelse', parentId: null, focusAreaId: 'fa-job' },
    { id: 'res', level: 'result', title: 'Flere unge i fritidsjob', parentId: 'imp', focusAreaId: 'fa-job' },
    {
      id: 'act',
      level: 'activity',
      title: '40 unge gennem jobklubben',
      parentId: 'res',
      focusAreaId: 'fa-job',
    },
    { id: 'safe', level: 'impact', title: 'Større tryghed', parentId: null, focusAreaId: 'fa-safe' },
  ],
  activities: [
    { id: 'club', name: 'Jobklub', focusAreaId: 'fa-job', goalIds: ['act'] },
    { id: 'cafe', name: 'Lektiecafé', focusAreaId: null, goalIds: ['res'] },
    { id: 'party', name: 'Sommerfest', focusAreaId: 'fa-safe', goalIds: [] },
  ],
  indicators: [
    { id: 'i-res', goalId: 'res', name: 'Unge i fritidsjob' },
    { id: 'i-act-1', goalId: 'act', name: 'Deltagere' },
    { id: 'i-act-2', goalId: 'act', name: 'Gennemførte forløb' },
  ],
};

const node = (
  id: string,
  kind: DiagramNode['kind'],
  label = id,
  link: DiagramNode['link'] = null,
): DiagramNode => ({
  id,
  kind,
  label,
  x: 0,
  y: 0,
  link,
});
const edge = (id: string, from: string, to: string): DiagramEdge => ({ id, from, to, rationale: '' });

describe('validateDiagram', () => {
  const plan = {
    activityIds: new Set(['club']),
    goalIds: new Set(['imp']),
    indicatorIds: new Set(['i-res']),
  };

  it('accepts a well-formed diagram', () => {
    const nodes = [node('a', 'activity', 'Jobklub', { type: 'activity', id: 'club' }), node('b', 'impact')];
    expect(validateDiagram(nodes, [edge('e1', 'a', 'b')], plan)).toEqual([]);
  });

  it('refuses an arrow from a node to itself, naming the node', () => {
    const problems = validateDiagram([node('a', 'activity', 'Jobklub')], [edge('e1', 'a', 'a')], plan);
    expect(problems).toEqual([
      { path: 'edges.0.to', code: 'theory_self_edge', params: { label: 'Jobklub' } },
    ]);
  });

  it('refuses arrows to nodes not in the diagram, duplicate ids and duplicate arrows', () => {
    const nodes = [node('a', 'activity'), node('b', 'output'), node('a', 'impact')];
    const edges = [edge('e1', 'a', 'b'), edge('e1', 'b', 'x'), edge('e2', 'a', 'b'), edge('e3', 'y', 'a')];
    expect(validateDiagram(nodes, edges, plan).map((p) => [p.path, p.code])).toEqual([
      ['nodes.2.id', 'theory_duplicate_node_id'],
      ['edges.1.id', 'theory_duplicate_edge_id'],
      ['edges.1.to', 'theory_edge_unknown_node'],
      ['edges.2', 'theory_duplicate_edge'],
      ['edges.3.from', 'theory_edge_unknown_node'],
    ]);
  });

  it('allows the same two nodes joined both ways (a feedback loop)', () => {
    const nodes = [node('a', 'output'), node('b', 'shortTermResult')];
    expect(validateDiagram(nodes, [edge('e1', 'a', 'b'), edge('e2', 'b', 'a')], plan)).toEqual([]);
  });

  it("refuses a link to another plan's entity and a link on an assumption", () => {
    const nodes = [
      node('a', 'activity', 'Fremmed', { type: 'activity', id: 'other-plan-activity' }),
      node('b', 'impact', 'Mål', { type: 'goal', id: 'imp' }),
      node('c', 'output', 'Indikator', { type: 'indicator', id: 'nope' }),
      node('d', 'assumption', 'Forældre bakker op', { type: 'goal', id: 'imp' }),
    ];
    expect(validateDiagram(nodes, [], plan).map((p) => [p.path, p.code])).toEqual([
      ['nodes.0.link', 'theory_link_not_in_plan'],
      ['nodes.2.link', 'theory_link_not_in_plan'],
      ['nodes.3.link', 'theory_link_kind_mismatch'],
    ]);
  });
});

describe('draftFromFramework', () => {
  it('builds activity and goal nodes with edges along the framework, laid out by kind', () => {
    const draft = draftFromFramework(frameworkInScope(framework, 'fa-job'), 'da');
    expect(draft.nodes.map((n) => [n.id, n.kind, n.label, n.link, n.x, n.y])).toEqual([
      ['a-1', 'activity', 'Jobklub', { type: 'activity', id: 'club' }, 0, 0],
      ['a-2', 'activity', 'Lektiecafé', { type: 'activity', id: 'cafe' }, 0, 110],
      // two indicators: linked to the goal; one indicator: linked to it
      ['g-1', 'output', '40 unge gennem jobklubben', { type: 'goal', id: 'act' }, 280, 0],
      ['g-2', 'shortTermResult', 'Flere unge i fritidsjob', { type: 'indicator', id: 'i-res' }, 560, 0],
      ['g-3', 'impact', 'Flere i beskæftigelse', { type: 'goal', id: 'imp' }, 1120, 0],
    ]);
    expect(draft.edges.map((e) => [e.from, e.to])).toEqual([
      ['a-1', 'g-1'],
      ['a-2', 'g-2'],
      ['g-1', 'g-2'],
      ['g-2', 'g-3'],
    ]);
    expect(draft.edges[0]!.rationale).toBe(
      'Fra planens resultatramme: aktiviteten "Jobklub" arbejder mod målet "40 unge gennem jobklubben".',
    );
    expect(draftFromFramework(frameworkInScope(framework, 'fa-job'), 'en').edges[3]!.rationale).toBe(
      'From the plan\'s results framework: the goal "Flere unge i fritidsjob" lies under the goal "Flere i beskæftigelse".',
    );
    expect(validateDiagram(draft.nodes, draft.edges)).toEqual([]);
  });

  it('covers the whole framework when cross-cutting', () => {
    const draft = draftFromFramework(frameworkInScope(framework, null));
    expect(draft.nodes).toHaveLength(7);
    expect(draft.nodes.filter((n) => n.kind === 'impact').map((n) => n.label)).toEqual([
      'Flere i beskæftigelse',
      'Større tryghed',
    ]);
  });

  it('gives an empty diagram for an empty framework', () => {
    expect(draftFromFramework({ goals: [], activities: [], indicators: [] })).toEqual({
      nodes: [],
      edges: [],
    });
  });
});

describe('compareWithFramework', () => {
  const scoped = frameworkInScope(framework, 'fa-job');

  it('finds nothing missing and nothing unbacked in the draft', () => {
    const draft = draftFromFramework(scoped);
    expect(compareWithFramework(draft.nodes, draft.edges, scoped, framework)).toEqual({
      unbacked: [],
      missingActivities: [],
      missingGoals: [],
      linkedCount: 5,
    });
  });

  it('lists result claims no goal or indicator backs, and the activities and goals left out', () => {
    // Jobklub → "Unge får selvtillid" (unlinked) → "Flere i beskæftigelse" (goal): backed through
    // the arrow. "Bedre trivsel" (unlinked, leads nowhere) is unbacked. A node linked to a deleted
    // goal does not back anything. Assumptions are never asked to be backed.
    const nodes = [
      node('n1', 'activity', 'Jobklub', { type: 'activity', id: 'club' }),
      node('n2', 'shortTermResult', 'Unge får selvtillid'),
      node('n3', 'impact', 'Flere i beskæftigelse', { type: 'goal', id: 'imp' }),
      node('n4', 'longTermResult', 'Bedre trivsel'),
      node('n5', 'output', 'Slettet mål', { type: 'goal', id: 'deleted' }),
      node('n6', 'assumption', 'Virksomheder vil ansætte'),
    ];
    const edges = [edge('e1', 'n1', 'n2'), edge('e2', 'n2', 'n3'), edge('e3', 'n1', 'n4')];
    expect(compareWithFramework(nodes, edges, scoped, framework)).toEqual({
      unbacked: [
        { nodeId: 'n4', label: 'Bedre trivsel', kind: 'longTermResult' },
        { nodeId: 'n5', label: 'Slettet mål', kind: 'output' },
      ],
      missingActivities: [{ id: 'cafe', name: 'Lektiecafé' }],
      missingGoals: [
        { id: 'res', title: 'Flere unge i fritidsjob', level: 'result' },
        { id: 'act', title: '40 unge gennem jobklubben', level: 'activity' },
      ],
      linkedCount: 2,
    });
  });

  it("counts a node linked to an indicator as covering the indicator's goal", () => {
    const nodes = [node('n1', 'output', 'Deltagere', { type: 'indicator', id: 'i-act-1' })];
    const result = compareWithFramework(nodes, [], scoped, framework);
    expect(result.missingGoals.map((g) => g.id)).toEqual(['imp', 'res']);
    expect(result.unbacked).toEqual([]);
  });
});

describe('search', () => {
  it('folds case, accents and Danish letters', () => {
    expect(foldText('  FRITIDSJOB  og  Beskæftigelse ')).toBe('fritidsjob og beskaeftigelse');
    expect(foldText('Større tryghed, café')).toBe('storre tryghed, cafe');
  });

  // Fritidsjob → Erfaring → Uddannelse → Beskæftigelse, and Fritidsjob → Beskæftigelse directly,
  // with a loop Erfaring ↔ Selvtillid.
  const nodes = [
    node('f', 'activity', 'Fritidsjob for unge'),
    node('x', 'output', 'Erfaring'),
    node('s', 'shortTermResult', 'Selvtillid'),
    node('u', 'longTermResult', 'Uddannelse'),
    node('b', 'impact', 'Øget BESKÆFTIGELSE'),
  ];
  const edges = [
    edge('1', 'f', 'x'),
    edge('2', 'x', 'u'),
    edge('3', 'u', 'b'),
    edge('4', 'f', 'b'),
    edge('5', 'x', 's'),
    edge('6', 's', 'x'),
  ];

  it('finds every directed path, shortest first, without going round a loop', () => {
    expect(findPaths(nodes, edges, 'fritidsjob', 'beskaeftigelse')).toEqual([
      ['f', 'b'],
      ['f', 'x', 'u', 'b'],
    ]);
    expect(findPaths(nodes, edges, 'Fritidsjob', 'Beskæftigelse')).toHaveLength(2);
  });

  it('keeps to the step and count limits and follows arrows only forwards', () => {
    expect(findPaths(nodes, edges, 'fritidsjob', 'beskæftigelse', 2)).toEqual([['f', 'b']]);
    expect(findPaths(nodes, edges, 'fritidsjob', 'beskæftigelse', 8, 1)).toEqual([['f', 'b']]);
    expect(findPaths(nodes, edges, 'beskæftigelse', 'fritidsjob')).toEqual([]);
    expect(findPaths(nodes, edges, '', 'fritidsjob')).toEqual([]);
  });

  it('stays bounded on a long chain', () => {
    const chain = Array.from({ length: 500 }, (_, i) =>
      node(`n${i}`, 'output', i === 0 ? 'start' : `mål ${i}`),
    );
    const links = chain.slice(1).map((n, i) => edge(`e${i}`, `n${i}`, n.id));
    // "mål 9" is 9 steps away: beyond the limit of 8; "mål 8" is exactly 8.
    expect(findPaths(chain, links, 'start', 'mål 9')).toEqual([]);
    expect(findPaths(chain, links, 'start', 'mål 8')).toHaveLength(1);
  });
});

describe('latestReading', () => {
  const r = (period: string, value: number | null, target: number | null = null) => ({
    period,
    value,
    target,
  });

  it('takes the period that ends last, preferring one with a target among those ending together', () => {
    // Quarterly values under a yearly target: 2008 (with target) over 2008-Q4 (same last day).
    expect(latestReading([r('2008', 90, 100), r('2008-Q3', 20), r('2008-Q4', 24)])).toEqual(
      r('2008', 90, 100),
    );
    // A newer quarter wins over an older year with a target.
    expect(latestReading([r('2008', 90, 100), r('2009-Q1', 12)])).toEqual(r('2009-Q1', 12));
    // Without targets, the longer of two periods ending together.
    expect(latestReading([r('2009-Q4', 5), r('2009-H2', 9)])).toEqual(r('2009-H2', 9));
  });

  it('falls back to the whole period, and gives nothing without values', () => {
    expect(latestReading([r('whole', 40, 50), r('2009', null, 10)])).toEqual(r('whole', 40, 50));
    expect(latestReading([r('2009', 30), r('whole', 40)])).toEqual(r('2009', 30));
    expect(latestReading([r('2009', null, 10)])).toBeNull();
  });
});
