// Contracts of theories of change (forandringsteorier): diagrams per plan, cross-cutting or per
// focus area, whose nodes may stand for the plan's own activities, goals and indicators.
import { z } from 'zod';
import { Id, Version } from './common.js';
import { ActivityStatus, GoalLevel, IndicatorKind } from './results.js';

/** Error messages of this capability (merged into `errorMessages` in messages.ts). */
export const theoryMessages = {
  theory_not_found: {
    da: 'Forandringsteorien findes ikke i denne plan.',
    en: 'The theory of change does not exist in this plan.',
  },
  theory_focus_area_required: {
    da: 'Vælg et indsatsområde, når forandringsteorien gælder ét indsatsområde.',
    en: 'Choose a focus area when the theory of change covers one focus area.',
  },
  theory_focus_area_not_in_plan: {
    da: 'Indsatsområdet hører ikke til planen. Vælg et af planens indsatsområder.',
    en: "The focus area is not one of the plan's. Choose one of the plan's focus areas.",
  },
  theory_duplicate_node_id: {
    da: 'Elementet {id} står flere gange. Hvert element skal have sit eget id.',
    en: 'The element {id} appears more than once. Each element needs its own id.',
  },
  theory_duplicate_edge_id: {
    da: 'Pilen {id} står flere gange. Hver pil skal have sit eget id.',
    en: 'The arrow {id} appears more than once. Each arrow needs its own id.',
  },
  theory_self_edge: {
    da: 'En pil kan ikke gå fra et element til sig selv ({label}).',
    en: 'An arrow cannot go from an element to itself ({label}).',
  },
  theory_edge_unknown_node: {
    da: 'Pilen {id} peger på elementet {nodeId}, som ikke findes i diagrammet.',
    en: 'The arrow {id} points to the element {nodeId}, which is not in the diagram.',
  },
  theory_duplicate_edge: {
    da: 'Der går allerede en pil fra {from} til {to}. Slet den ene.',
    en: 'There is already an arrow from {from} to {to}. Delete one of them.',
  },
  theory_link_not_in_plan: {
    da: 'Elementet {label} er knyttet til en aktivitet, et mål eller en indikator, som ikke hører til denne plan.',
    en: 'The element {label} is linked to an activity, goal or indicator that is not part of this plan.',
  },
  theory_link_kind_mismatch: {
    da: 'Elementet {label} er en antagelse eller ydre faktor og kan ikke knyttes til en aktivitet, et mål eller en indikator.',
    en: 'The element {label} is an assumption or external factor and cannot be linked to an activity, goal or indicator.',
  },
} satisfies Record<string, { da: string; en: string }>;

export const TOC_NODE_KINDS = [
  'activity',
  'output',
  'shortTermResult',
  'longTermResult',
  'impact',
  'assumption',
  'externalFactor',
] as const;
export const TocNodeKind = z.enum(TOC_NODE_KINDS);
export type TocNodeKind = z.infer<typeof TocNodeKind>;

/** The kinds that claim a result; the comparison asks that each is backed by a goal or indicator. */
export const TOC_RESULT_KINDS = ['output', 'shortTermResult', 'longTermResult', 'impact'] as const;

export const TheoryScope = z.enum(['crossCutting', 'focusArea']);
export type TheoryScope = z.infer<typeof TheoryScope>;

/** A client-made id of a node or edge, unique in its diagram. */
export const TocElementId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** An activity, goal or indicator of the same plan that a node stands for. */
export const TocLink = z.object({
  type: z.enum(['activity', 'goal', 'indicator']),
  id: Id,
});
export type TocLink = z.infer<typeof TocLink>;

const Coordinate = z.number().min(-10_000_000).max(10_000_000);

export const TocNodeInput = z.object({
  id: TocElementId,
  kind: TocNodeKind,
  label: z.string().trim().min(1).max(300),
  description: z.string().trim().max(2000).nullable().optional(),
  x: Coordinate,
  y: Coordinate,
  link: TocLink.nullable(),
});
export type TocNodeInput = z.infer<typeof TocNodeInput>;

export const TocEdgeInput = z.object({
  id: TocElementId,
  from: TocElementId,
  to: TocElementId,
  /** Why the one leads to the other; may be empty. */
  rationale: z.string().trim().max(2000),
});
export type TocEdgeInput = z.infer<typeof TocEdgeInput>;

export const MAX_TOC_NODES = 2000;
export const MAX_TOC_EDGES = 5000;

/**
 * Creating an (empty) diagram. `focusAreaId` is one of the plan's focus areas and is required
 * when the scope is `focusArea` (left out or null for `crossCutting`).
 */
export const TheoryInput = z.object({
  scope: TheoryScope,
  focusAreaId: Id.nullable().optional(),
  title: z.string().trim().min(1).max(200),
});
export type TheoryInput = z.input<typeof TheoryInput>;

/** Building a first diagram from the plan's activities and goal hierarchy; title defaults. */
export const TheoryDraftInput = z.object({
  scope: TheoryScope,
  focusAreaId: Id.nullable().optional(),
  title: z.string().trim().min(1).max(200).optional(),
});
export type TheoryDraftInput = z.input<typeof TheoryDraftInput>;

/** Saving the whole diagram; `version` is the one read (409 when someone saved since). */
export const TheoryUpdate = z.object({
  version: Version,
  title: z.string().trim().min(1).max(200),
  nodes: z.array(TocNodeInput).max(MAX_TOC_NODES),
  edges: z.array(TocEdgeInput).max(MAX_TOC_EDGES),
});
export type TheoryUpdate = z.input<typeof TheoryUpdate>;

export const TheoryParams = z.object({ planId: Id, theoryId: Id });
export const PlanTheoriesParams = z.object({ planId: Id });
export const TheoryExportQuery = z.object({ format: z.literal('xlsx') });

export const TheorySummary = z.object({
  id: z.string(),
  planId: z.string(),
  scope: TheoryScope,
  focusAreaId: z.string().nullable(),
  /** The focus area's name in Danish and English; null for a cross-cutting diagram. */
  focusAreaName: z.object({ da: z.string(), en: z.string() }).nullable(),
  title: z.string(),
  nodeCount: z.number(),
  edgeCount: z.number(),
  version: z.number(),
  isExample: z.boolean(),
  updatedAt: z.string(),
});
export type TheorySummary = z.infer<typeof TheorySummary>;

export const TheoryList = z.object({ items: z.array(TheorySummary) });
export type TheoryList = z.infer<typeof TheoryList>;

/** The live state of the entity a node stands for, read when the diagram is read. */
export const TocLive = z.discriminatedUnion('type', [
  z.object({ type: z.literal('activity'), name: z.string(), status: ActivityStatus }),
  z.object({ type: z.literal('goal'), title: z.string(), level: GoalLevel }),
  z.object({
    type: z.literal('indicator'),
    name: z.string(),
    /** The latest period with a value, read as the plan's result pages read it. */
    latestValue: z.number().nullable(),
    latestPeriod: z.string().nullable(),
    /** The target of that period (or of the whole period when it has none). */
    target: z.number().nullable(),
    unit: z.string().nullable(),
    kind: IndicatorKind,
    /** On track or ahead of the target; null when there is no value or no target. */
    onTrack: z.boolean().nullable(),
  }),
  /** The linked entity was deleted since the link was made. */
  z.object({ type: z.literal('missing') }),
]);
export type TocLive = z.infer<typeof TocLive>;

export const TocNode = TocNodeInput.extend({
  description: z.string().optional(),
  live: TocLive.nullable(),
});
export type TocNode = z.infer<typeof TocNode>;

export const TheoryDetail = TheorySummary.extend({
  nodes: z.array(TocNode),
  edges: z.array(TocEdgeInput),
});
export type TheoryDetail = z.infer<typeof TheoryDetail>;

// ---------- Comparison with the plan's framework ----------
export const TheoryComparison = z.object({
  /**
   * Result nodes (output, short- or long-term result, impact) that no goal or indicator backs:
   * neither the node itself nor any node it leads to (following arrows forward) is linked to a
   * goal or an indicator of the plan. See docs/theory-of-change.md.
   */
  unbacked: z.array(z.object({ nodeId: z.string(), label: z.string(), kind: TocNodeKind })),
  /** The plan's activities in the diagram's scope that no node links. */
  missingActivities: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The plan's goals in the diagram's scope that no node links. */
  missingGoals: z.array(z.object({ id: z.string(), title: z.string(), level: GoalLevel })),
  /** Nodes linked to an existing activity, goal or indicator of the plan. */
  linkedCount: z.number(),
});
export type TheoryComparison = z.infer<typeof TheoryComparison>;

// ---------- Search across plans ----------
export const TheorySearchQuery = z.object({
  kind: z.union([TocNodeKind, z.literal('')]).optional(),
  /** Words a node's label or description contains (case- and accent-insensitive). */
  text: z.string().trim().max(200).optional(),
  /** A focus area's id, or words of its Danish or English name. */
  focusArea: z.string().trim().max(200).optional(),
  /** With `toText`: directed paths from a node matching this to a node matching that. */
  fromText: z.string().trim().max(200).optional(),
  toText: z.string().trim().max(200).optional(),
});
export type TheorySearchQuery = z.input<typeof TheorySearchQuery>;

export const MAX_TOC_PATH_STEPS = 8;
export const MAX_TOC_SEARCH_RESULTS = 200;

const SearchHit = z.object({
  planId: z.string(),
  planName: z.string(),
  theoryId: z.string(),
  theoryTitle: z.string(),
});
export const TheorySearchResult = z.object({
  nodes: z.array(SearchHit.extend({ nodeId: z.string(), kind: TocNodeKind, label: z.string() })),
  paths: z.array(
    SearchHit.extend({
      nodes: z.array(z.object({ nodeId: z.string(), label: z.string(), kind: TocNodeKind })),
    }),
  ),
  /** True when more than MAX_TOC_SEARCH_RESULTS nodes or paths matched and the rest were left out. */
  truncated: z.boolean(),
});
export type TheorySearchResult = z.infer<typeof TheorySearchResult>;
