import { describe, expect, it } from 'vitest';
import type { Code } from './api';
import { codeTree } from './CodePicker';

const code = (id: string, parentId: string | null, sortOrder: number): Code => ({
  id,
  parentId,
  name: id,
  description: null,
  color: null,
  codable: true,
  sortOrder,
  role: null,
  codingCount: 0,
  version: 1,
});

describe('the codebook as a tree', () => {
  it('lists parents before their children in sibling order, with depth', () => {
    const tree = codeTree([
      code('b', null, 2),
      code('a2', 'a', 2),
      code('a', null, 1),
      code('a1', 'a', 1),
      code('a1x', 'a1', 1),
      code('orphan', 'missing', 3),
    ]);
    expect(tree.map((n) => `${n.code.id}:${n.depth}`)).toEqual([
      'a:0',
      'a1:1',
      'a1x:2',
      'a2:1',
      'b:0',
      'orphan:0',
    ]);
  });
});
