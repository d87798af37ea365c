/**
 * The study model of a process evaluation, as plain data: what REFI-QDA export writes, what
 * import returns, and what the analysis rules (domain/qda) read. Shaped after the tables a later
 * database layer will have (studies, users on the team, cases, sources, codes, codings, memos):
 * one interface per table, ids as strings (uuid), references by id.
 *
 * Positions are Unicode code points, 0-based, end exclusive, counted on the stored text, which
 * is NFC with LF line endings (domain/qda/transcript.ts). The browser converts to UTF-16 with
 * domain/qda/positions.ts.
 */

export interface Study {
  id: string;
  name: string;
  /** The study's question or description. */
  description: string | null;
  createdAt: string | null;
}

/** An evaluator on the study's team (REFI-QDA `User`). */
export interface StudyUser {
  id: string;
  name: string;
}

export interface StudyCode {
  id: string;
  parentId: string | null;
  name: string;
  description: string | null;
  /** `#RRGGBB`, upper case, or null. */
  color: string | null;
  /** False for a code that only groups others (REFI-QDA `isCodable`). */
  codable: boolean;
  /** Order among its siblings. */
  position: number;
}

/** A case: a plan or an area secretariat being evaluated. */
export interface StudyCase {
  id: string;
  name: string;
  description: string | null;
  /** What the case is in Pejling; not exchanged with other tools. */
  subject: { kind: 'plan' | 'secretariat'; id: string } | null;
}

/** A text source: a transcript or a desk-research document as plain text. */
export interface StudySource {
  id: string;
  caseId: string | null;
  name: string;
  description: string | null;
  /** NFC, LF line endings, no byte order mark. */
  text: string;
  createdBy: string | null;
  createdAt: string | null;
}

/** One code applied to one range of one source by one coder. */
export interface StudyCoding {
  id: string;
  sourceId: string;
  codeId: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  userId: string | null;
  createdAt: string | null;
}

export type MemoTarget =
  | { kind: 'study' }
  | { kind: 'code'; id: string }
  | { kind: 'source'; id: string }
  | { kind: 'case'; id: string }
  | { kind: 'coding'; id: string };

/**
 * A memo. `framework_summary` is a framework-matrix cell: the summary an evaluator wrote for a
 * case (target) and a theme (`themeCodeId`).
 */
export interface StudyMemo {
  id: string;
  kind: 'memo' | 'framework_summary';
  target: MemoTarget;
  themeCodeId: string | null;
  title: string;
  text: string;
  userId: string | null;
  createdAt: string | null;
}

export interface StudyModel {
  study: Study;
  users: StudyUser[];
  codes: StudyCode[];
  cases: StudyCase[];
  sources: StudySource[];
  codings: StudyCoding[];
  memos: StudyMemo[];
}

/** The codebook alone (.qdc). */
export interface CodebookModel {
  codes: StudyCode[];
}
