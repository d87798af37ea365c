/**
 * An example study for the evaluation tests: three cases (housing areas), Danish transcripts
 * with æ, ø, å, an emoji and a decomposed letter made NFC, a hierarchical codebook with
 * colours, two coders, and memos of every kind including a framework-matrix summary.
 */
import { normaliseTranscript } from '../domain/qda/transcript.js';
import { codePointLength } from '../domain/qda/positions.js';
import type { StudyModel } from './model.js';

/** The code-point range of `needle`'s first occurrence in `text`. */
export function rangeOf(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const start = codePointLength(text.slice(0, at));
  return { start, end: start + codePointLength(needle) }; // code points
}

const id = (n: number) => `0190f5a0-0000-7000-8000-${n.toString().padStart(12, '0')}`;

export const ids = {
  study: id(1),
  anne: id(2),
  bo: id(3),
  themeOrganisation: id(10),
  themeCollaboration: id(11),
  network: id(12),
  steering: id(13),
  driver: id(14),
  barrier: id(15),
  solbakken: id(20),
  vestpark: id(21),
  aeblehaven: id(22),
  fg1: id(30),
  fg2: id(31),
  fg3: id(32),
};

export function exampleStudy(): StudyModel {
  const t1 = normaliseTranscript(
    [
      'Fokusgruppe i Solbakken, 12. marts 2026',
      '',
      'Interviewer: Hvordan samarbejder I med kommunen?',
      'Deltager A: Vi mødes hver uge med SSP og skolen 😀 – det er en styrke.',
      'Deltager B: Men styregruppen træffer beslutninger for sent, så vi venter på svar.',
      '',
    ].join('\r\n'),
  );
  const t2 = normaliseTranscript(
    'Interviewer: Hvad virker?\nDeltager C: Projektlederen er en ildsjæl, og Cafe\u0301en er åben for alle.\nDeltager D: Økonomien er usikker.',
  );
  const t3 = normaliseTranscript(
    'Interviewer: Hvem styrer?\nDeltager E: Boligorganisationen og kommunen i fællesskab.',
  );
  const coding = (
    n: number,
    sourceId: string,
    text: string,
    needle: string,
    codeId: string,
    userId: string,
  ) => ({
    id: id(100 + n),
    sourceId,
    codeId,
    ...rangeOf(text, needle),
    userId,
    createdAt: '2026-03-14T09:00:00.000Z',
  });
  return {
    study: {
      id: ids.study,
      name: 'Procesevaluering af helhedsplaner 2026',
      description: 'Hvordan organiseres og styres indsatsen i tre boligområder?',
      createdAt: '2026-03-01T08:00:00.000Z',
    },
    users: [
      { id: ids.anne, name: 'Anne Evaluator' },
      { id: ids.bo, name: 'Bo Evaluator' },
    ],
    codes: [
      {
        id: ids.themeOrganisation,
        parentId: null,
        name: 'Projektorganisering',
        description: 'Tema 1',
        color: '#1F77B4',
        codable: true,
        position: 0,
      },
      {
        id: ids.themeCollaboration,
        parentId: null,
        name: 'Samarbejdsformer',
        description: null,
        color: '#FF7F0E',
        codable: true,
        position: 1,
      },
      {
        id: ids.network,
        parentId: ids.themeCollaboration,
        name: 'Netværk & partnerskaber',
        description: 'Møder med "SSP" <og> skoler',
        color: '#2CA02C',
        codable: true,
        position: 0,
      },
      {
        id: ids.steering,
        parentId: null,
        name: 'Styring',
        description: null,
        color: null,
        codable: true,
        position: 2,
      },
      {
        id: ids.driver,
        parentId: null,
        name: 'Drivkraft',
        description: null,
        color: '#00AA00',
        codable: true,
        position: 3,
      },
      {
        id: ids.barrier,
        parentId: null,
        name: 'Barriere',
        description: null,
        color: '#AA0000',
        codable: false,
        position: 4,
      },
    ],
    cases: [
      { id: ids.solbakken, name: 'Solbakken', description: 'Stor plan, stor bevilling', subject: null },
      { id: ids.vestpark, name: 'Vestpark', description: null, subject: null },
      { id: ids.aeblehaven, name: 'Æblehaven', description: null, subject: null },
    ],
    sources: [
      {
        id: ids.fg1,
        caseId: ids.solbakken,
        name: 'Fokusgruppe Solbakken',
        description: 'Projektmedarbejdere',
        text: t1,
        createdBy: ids.anne,
        createdAt: '2026-03-12T12:00:00.000Z',
      },
      {
        id: ids.fg2,
        caseId: ids.vestpark,
        name: 'Fokusgruppe Vestpark',
        description: null,
        text: t2,
        createdBy: ids.bo,
        createdAt: null,
      },
      {
        id: ids.fg3,
        caseId: ids.aeblehaven,
        name: 'Interview Æblehaven',
        description: null,
        text: t3,
        createdBy: null,
        createdAt: null,
      },
    ],
    codings: [
      coding(1, ids.fg1, t1, 'Vi mødes hver uge med SSP og skolen 😀', ids.network, ids.anne),
      coding(
        2,
        ids.fg1,
        t1,
        'Vi mødes hver uge med SSP og skolen 😀 – det er en styrke.',
        ids.driver,
        ids.anne,
      ),
      coding(3, ids.fg1, t1, 'styregruppen træffer beslutninger for sent', ids.steering, ids.bo),
      coding(4, ids.fg1, t1, 'træffer beslutninger for sent, så vi venter på svar.', ids.barrier, ids.bo),
      coding(5, ids.fg2, t2, 'Projektlederen er en ildsjæl', ids.themeOrganisation, ids.anne),
      coding(6, ids.fg2, t2, 'Caféen er åben for alle', ids.themeCollaboration, ids.bo),
      coding(7, ids.fg3, t3, 'Boligorganisationen og kommunen i fællesskab.', ids.steering, ids.anne),
    ],
    memos: [
      {
        id: id(200),
        kind: 'memo',
        target: { kind: 'study' },
        themeCodeId: null,
        title: 'Om studiet',
        text: 'Tre cases valgt efter størrelse × bevilling.',
        userId: ids.anne,
        createdAt: '2026-03-02T10:00:00.000Z',
      },
      {
        id: id(201),
        kind: 'memo',
        target: { kind: 'code', id: ids.steering },
        themeCodeId: null,
        title: 'Styring',
        text: 'Bruges om styregruppens rolle.',
        userId: ids.bo,
        createdAt: null,
      },
      {
        id: id(202),
        kind: 'memo',
        target: { kind: 'source', id: ids.fg2 },
        themeCodeId: null,
        title: 'Lydkvalitet',
        text: 'Dårlig lyd de sidste 5 minutter.',
        userId: null,
        createdAt: null,
      },
      {
        id: id(203),
        kind: 'memo',
        target: { kind: 'coding', id: id(103) },
        themeCodeId: null,
        title: 'Citat',
        text: 'Godt citat til rapporten.\nSide 2.',
        userId: ids.bo,
        createdAt: null,
      },
      {
        id: id(204),
        kind: 'memo',
        target: { kind: 'case', id: ids.vestpark },
        themeCodeId: null,
        title: 'Vestpark',
        text: 'Ny projektleder i 2025.',
        userId: ids.anne,
        createdAt: null,
      },
      {
        id: id(205),
        kind: 'framework_summary',
        target: { kind: 'case', id: ids.solbakken },
        themeCodeId: ids.steering,
        title: 'Solbakken × Styring',
        text: 'Styregruppen beslutter for langsomt.',
        userId: ids.anne,
        createdAt: null,
      },
    ],
  };
}
