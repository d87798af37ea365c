import { z } from 'zod';
import { Id, IsoDate, LongText, Name, Version } from './common.js';

/**
 * Process evaluation: studies with their team, cases, data collections, text sources, the
 * codebook, codings, memos, the framework matrix, analysis and REFI-QDA exchange.
 *
 * Positions in this API are Unicode code points, 0-based, end exclusive, counted on the stored
 * text (NFC with LF line endings), as REFI-QDA counts them. A browser selection (UTF-16 units)
 * is converted with server/src/domain/qda/positions.ts before it is sent.
 */

const OptionalText = z.string().trim().max(20_000).nullable().default(null);
const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .transform((s) => s.toUpperCase());
/** Why transcripts or coded text are read; written to the audit log with the read. */
export const ReadPurpose = z.enum(['coding', 'analysis', 'review', 'export']);
export type ReadPurpose = z.infer<typeof ReadPurpose>;

export const StudyParams = z.object({ studyId: Id });
export const StudyCaseParams = z.object({ studyId: Id, caseId: Id });
export const StudyCollectionParams = z.object({ studyId: Id, collectionId: Id });
export const StudySourceParams = z.object({ studyId: Id, sourceId: Id });
export const StudyCodeParams = z.object({ studyId: Id, codeId: Id });
export const StudyCodingParams = z.object({ studyId: Id, codingId: Id });
export const StudyMemoParams = z.object({ studyId: Id, memoId: Id });
export const FrameworkCellParams = z.object({ studyId: Id, caseId: Id, themeCodeId: Id });

// ---------- studies ----------
export const StudyMember = z.object({ userId: Id, name: z.string(), email: z.string() });
export const StudySummary = z.object({
  id: Id,
  name: z.string(),
  question: z.string().nullable(),
  memberCount: z.number(),
  isMember: z.boolean(),
  caseCount: z.number(),
  sourceCount: z.number(),
  /** The example study loaded with the demo data (Eksempeldata). */
  isExample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type StudySummary = z.infer<typeof StudySummary>;
export const StudyList = z.object({ items: z.array(StudySummary) });
export const StudyDetail = StudySummary.extend({ members: z.array(StudyMember) });
export type StudyDetail = z.infer<typeof StudyDetail>;
export const StudyInput = z.object({
  name: Name,
  question: OptionalText,
  /** Evaluators on the team besides the creator (each an administrator or an evaluator). */
  memberIds: z.array(Id).max(100).default([]),
  /** The pool whose focus areas seed the codebook; the 2006-2010 pool (or the first) when left out. */
  poolId: Id.optional(),
  /** False: start with an empty codebook (an import brings its own). */
  seedCodebook: z.boolean().default(true),
});
export type StudyInput = z.input<typeof StudyInput>;
export const StudyUpdate = z.object({
  name: Name,
  question: OptionalText,
  /** The whole team; the caller cannot leave it (an administrator may). */
  memberIds: z.array(Id).max(100),
  version: Version,
});

/** Administrators and evaluators who may be put on a study's team. */
export const EvaluatorList = z.object({ items: z.array(StudyMember) });

// ---------- cases ----------
export const CaseInput = z.object({
  name: Name,
  description: OptionalText,
  planId: Id.nullable().default(null),
  areaSecretariatId: Id.nullable().default(null),
});
export const CaseUpdate = CaseInput.extend({ version: Version });
export const StudyCaseOut = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  planId: z.string().nullable(),
  areaSecretariatId: z.string().nullable(),
  sortOrder: z.number(),
  version: z.number(),
});
export type StudyCaseOut = z.infer<typeof StudyCaseOut>;
export const StudyCaseList = z.object({ items: z.array(StudyCaseOut) });

// ---------- data collections ----------
export const DataCollectionKind = z.enum(['interview', 'focus_group', 'phone_follow_up', 'workshop']);
export const RespondentGroup = z.enum([
  'project_leader',
  'project_staff',
  'steering_group',
  'municipal_partners',
  'housing_organisation',
  'resident_board',
  'other',
]);
export const Participants = z.partialRecord(RespondentGroup, z.number().int().min(0).max(1000));
export const DataCollectionInput = z.object({
  caseId: Id.nullable().default(null),
  kind: DataCollectionKind,
  title: Name,
  date: IsoDate.nullable().default(null),
  participants: Participants.default({}),
  consentRecorded: z.boolean().default(false),
  consentNote: OptionalText,
});
export const DataCollectionUpdate = DataCollectionInput.extend({ version: Version });
export const DataCollection = z.object({
  id: Id,
  caseId: z.string().nullable(),
  kind: DataCollectionKind,
  title: z.string(),
  date: z.string().nullable(),
  participants: Participants,
  consentRecorded: z.boolean(),
  consentNote: z.string().nullable(),
  version: z.number(),
});
export const DataCollectionList = z.object({ items: z.array(DataCollection) });

// ---------- sources ----------
export const SourceKind = z.enum(['transcript', 'document']);
export const PseudonymEntryInput = z.object({
  name: z.string().trim().min(1).max(200),
  pseudonym: z.string().trim().min(1).max(200),
});
/** A transcript or document upload: the file as base64 with its name (.txt or .docx). */
export const SourceUpload = z.object({
  kind: SourceKind.default('transcript'),
  name: Name.optional(),
  description: OptionalText,
  caseId: Id.nullable().default(null),
  dataCollectionId: Id.nullable().default(null),
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(30_000_000),
  /** Names replaced by pseudonyms before the text is stored; the list itself is never stored. */
  pseudonyms: z.array(PseudonymEntryInput).max(2000).default([]),
});
export const SourceUpdate = z.object({
  name: Name,
  description: OptionalText,
  caseId: Id.nullable(),
  dataCollectionId: Id.nullable(),
  version: Version,
});
export const PseudonymisationCounts = z.object({
  names: z.number(),
  replacements: z.number(),
  cprNumbers: z.number(),
});
export const SourceSummary = z.object({
  id: Id,
  kind: SourceKind,
  name: z.string(),
  description: z.string().nullable(),
  caseId: z.string().nullable(),
  dataCollectionId: z.string().nullable(),
  length: z.number(),
  filename: z.string().nullable(),
  encoding: z.string().nullable(),
  pseudonymisation: PseudonymisationCounts.nullable(),
  codingCount: z.number(),
  createdAt: z.string(),
  version: z.number(),
});
export type SourceSummary = z.infer<typeof SourceSummary>;
export const SourceList = z.object({ items: z.array(SourceSummary) });
export const SpeakerTurnOut = z.object({ speaker: z.string(), start: z.number(), end: z.number() });
export const SourceDetail = SourceSummary.extend({ text: z.string(), turns: z.array(SpeakerTurnOut) });
export type SourceDetail = z.infer<typeof SourceDetail>;
export const PurposeQuery = z.object({ purpose: ReadPurpose.optional() });

// ---------- codes ----------
export const CodeInput = z.object({
  parentId: Id.nullable().default(null),
  name: Name,
  description: OptionalText,
  color: Color.nullable().default(null),
  codable: z.boolean().default(true),
});
export const CodeUpdate = z.object({
  name: Name,
  description: OptionalText,
  color: Color.nullable(),
  codable: z.boolean(),
  version: Version,
});
export const StudyCodeOut = z.object({
  id: Id,
  parentId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  color: z.string().nullable(),
  codable: z.boolean(),
  sortOrder: z.number(),
  role: z.string().nullable(),
  codingCount: z.number(),
  version: z.number(),
});
export type StudyCodeOut = z.infer<typeof StudyCodeOut>;
export const CodeList = z.object({ items: z.array(StudyCodeOut) });
export const CodeMoveInput = z.object({ parentId: Id.nullable() });
export const CodeMergeInput = z.object({ intoId: Id });
export const CodeMergeResult = z.object({
  into: StudyCodeOut,
  moved: z.number(),
  droppedDuplicates: z.number(),
});

// ---------- codings ----------
export const CodingInput = z.object({
  sourceId: Id,
  codeIds: z.array(Id).min(1).max(50),
  /** Code points, end exclusive. */
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});
export const CodingUpdate = z.object({
  codeId: Id,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});
export const CodingOut = z.object({
  id: Id,
  sourceId: Id,
  codeId: Id,
  start: z.number(),
  end: z.number(),
  coderId: z.string().nullable(),
  coderName: z.string().nullable(),
  /** The coded text. */
  text: z.string(),
  createdAt: z.string(),
});
export type CodingOut = z.infer<typeof CodingOut>;
export const CodingList = z.object({ items: z.array(CodingOut) });
export const CodingQuery = z.object({
  sourceId: Id.optional(),
  codeId: Id.optional(),
  purpose: ReadPurpose.optional(),
});

// ---------- memos and framework ----------
export const MemoTargetKind = z.enum(['study', 'code', 'source', 'case', 'coding']);
export const MemoInput = z.object({
  targetKind: MemoTargetKind,
  targetId: Id.nullable().default(null),
  title: Name,
  text: LongText,
});
export const MemoUpdate = z.object({ title: Name, text: LongText, version: Version });
export const MemoOut = z.object({
  id: Id,
  targetKind: MemoTargetKind,
  targetId: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  authorId: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export const MemoList = z.object({ items: z.array(MemoOut) });
export const FrameworkCellInput = z.object({
  summary: LongText,
  quoteCodingIds: z.array(Id).max(200).default([]),
});
export const FrameworkCell = z.object({
  caseId: Id,
  themeCodeId: Id,
  summary: z.string(),
  quoteCodingIds: z.array(z.string()),
  updatedAt: z.string(),
  version: z.number(),
});
export const Framework = z.object({
  themes: z.array(z.object({ id: Id, name: z.string() })),
  cases: z.array(z.object({ id: Id, name: z.string() })),
  cells: z.array(FrameworkCell),
});

// ---------- analysis ----------
export const MatrixQuery = z.object({
  aggregate: z.enum(['true', 'false']).optional(),
  purpose: ReadPurpose.optional(),
});
const Cell = z.object({ count: z.number(), codingIds: z.array(z.string()) });
export const CaseCodeMatrix = z.object({
  cases: z.array(z.object({ id: Id, name: z.string() })),
  codes: z.array(z.object({ id: Id, name: z.string(), parentId: z.string().nullable() })),
  rows: z.array(z.object({ caseId: Id, cells: z.array(z.object({ codeId: Id, cell: Cell })) })),
});
export const CoOccurrenceOut = z.object({
  items: z.array(z.object({ codeA: Id, codeB: Id, count: z.number() })),
});
export const DriversBarriers = z.object({
  cases: z.array(z.object({ id: Id, name: z.string() })),
  themes: z.array(
    z.object({
      themeCodeId: Id,
      name: z.string(),
      cases: z.array(z.object({ caseId: Id, drivers: Cell, barriers: Cell })),
    }),
  ),
});
export const QuoteQuery = z.object({
  caseId: Id.optional(),
  codeId: Id.optional(),
  respondentGroup: RespondentGroup.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  purpose: ReadPurpose.optional(),
});
export const Quote = CodingOut.extend({
  sourceName: z.string(),
  caseId: z.string().nullable(),
  codeName: z.string(),
});
export const QuoteList = z.object({ items: z.array(Quote), total: z.number() });
export const AgreementQuery = z.object({
  sourceId: Id,
  coderA: Id,
  coderB: Id,
  purpose: ReadPurpose.optional(),
});
export const AgreementOut = z.object({
  sourceId: Id,
  coderA: Id,
  coderB: Id,
  rows: z.array(
    z.object({
      codeId: Id,
      percent: z.number().nullable(),
      kappa: z.number().nullable(),
      differences: z.array(z.object({ start: z.number(), end: z.number(), codedBy: z.enum(['a', 'b']) })),
    }),
  ),
});
export const CoderList = z.object({
  items: z.array(
    z.object({ id: Id, name: z.string(), userId: z.string().nullable(), codingCount: z.number() }),
  ),
});

// ---------- exchange ----------
export const ExchangeReport = z.object({
  studyId: Id,
  imported: z.object({
    users: z.number(),
    codes: z.number(),
    cases: z.number(),
    sources: z.number(),
    codings: z.number(),
    memos: z.number(),
  }),
  skipped: z.array(
    z.object({ kind: z.string(), name: z.string().nullable(), reason: z.string(), message: z.string() }),
  ),
  warnings: z.array(
    z.object({ code: z.string(), detail: z.record(z.string(), z.union([z.string(), z.number()])) }),
  ),
});
export type ExchangeReport = z.infer<typeof ExchangeReport>;
export const ImportQdpxQuery = z.object({ name: Name.optional() });

// ---------- analysis exports ----------
/** Spreadsheet exports of an analysis (.xlsx). */
export const AnalysisExportQuery = z.object({
  format: z.enum(['xlsx']).default('xlsx'),
  aggregate: z.enum(['true', 'false']).optional(),
});
/** The framework matrix and quote lists also go to Word (.docx). */
export const DocumentExportFormat = z.enum(['xlsx', 'docx']);
export const FrameworkExportQuery = z.object({ format: DocumentExportFormat.default('xlsx') });
export const QuoteExportQuery = QuoteQuery.omit({ purpose: true, limit: true }).extend({
  format: DocumentExportFormat.default('xlsx'),
});

// ---------- case selection ----------
/** Every plan by size band × grant band, and the area secretariats, with the study's cases on them. */
export const CaseCandidates = z.object({
  plans: z.array(
    z.object({
      id: Id,
      name: z.string(),
      dwellings: z.number(),
      grantTotalOre: z.number(),
      sizeBand: z.enum(['small', 'medium', 'large']).nullable(),
      grantBand: z.enum(['under5', 'from5to15', 'over15']).nullable(),
      isExample: z.boolean(),
      /** The study's case for this plan, if chosen. */
      caseId: z.string().nullable(),
    }),
  ),
  secretariats: z.array(z.object({ id: Id, name: z.string(), caseId: z.string().nullable() })),
});
export type CaseCandidates = z.infer<typeof CaseCandidates>;

// ---------- speakers ----------
/** A speaker of a transcript linked to a participant: respondent group and case. */
export const SpeakerLinkInput = z.object({
  speaker: z.string().trim().min(1).max(200),
  respondentGroup: RespondentGroup.nullable().default(null),
  caseId: Id.nullable().default(null),
});
export const SpeakerLinksInput = z.object({
  links: z.array(SpeakerLinkInput).max(500),
  /**
   * Code each linked speaker's turns to their case and respondent group: a code per case (under
   * "Cases") and per group (under "Respondentgrupper"), made on first use.
   */
  autoCode: z.boolean().default(false),
});
export const SpeakerOut = z.object({
  speaker: z.string(),
  turns: z.number(),
  respondentGroup: RespondentGroup.nullable(),
  caseId: z.string().nullable(),
});
export const SpeakerList = z.object({
  items: z.array(SpeakerOut),
  /** Codings made by auto-coding (0 on a read). */
  codingsAdded: z.number(),
});
export type SpeakerList = z.infer<typeof SpeakerList>;

// Types the web reads.
export type DataCollectionOut = z.infer<typeof DataCollection>;
export type DataCollectionKindValue = z.infer<typeof DataCollectionKind>;
export type RespondentGroupValue = z.infer<typeof RespondentGroup>;
export type DataCollectionInputValue = z.input<typeof DataCollectionInput>;
export type SourceUploadInput = z.input<typeof SourceUpload>;
export type MemoOutValue = z.infer<typeof MemoOut>;
export type CodeMergeResultValue = z.infer<typeof CodeMergeResult>;
export type EvaluatorListValue = z.infer<typeof EvaluatorList>;
export type StudyMemberValue = z.infer<typeof StudyMember>;
