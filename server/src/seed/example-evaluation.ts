import type { Db, Executor } from '../db/database.js';
import { newId, nowIso, toJson } from '../db/portable.js';
import { seedCodebook } from '../features/evaluation/evaluation.seed.js';

const DONE_KEY = 'example_evaluation_seeded_at';

/**
 * Three short invented transcripts (Eksempeldata), one per example plan. Every speaker is a role
 * with a letter, never a name; each line to code is listed with the roles of the codes it gets.
 */
const TRANSCRIPTS: {
  kind: 'focus_group' | 'interview' | 'phone_follow_up';
  title: string;
  date: string;
  participants: Record<string, number>;
  lines: string[];
  codings: [string, string[]][];
}[] = [
  {
    kind: 'focus_group',
    title: 'Fokusgruppe med projektmedarbejdere (eksempel)',
    date: '2026-03-10',
    participants: { project_leader: 1, project_staff: 3 },
    lines: [
      '(Eksempeldata. Opdigtet fokusgruppe, ingen rigtige personer.)',
      'Interviewer: Hvordan er helhedsplanen organiseret hos jer?',
      'Projektleder A: Vi har en styregruppe, der mødes fire gange om året, og et sekretariat med fire medarbejdere.',
      'Medarbejder B: Styregruppen bakker op, men beslutninger tager lang tid, fordi kommunen skal høres først.',
      'Interviewer: Hvordan følger I op på målene?',
      'Medarbejder C: Vi registrerer deltagere hver måned, og det giver os et godt overblik over aktiviteterne.',
      'Medarbejder B: Men vi ved ikke altid, hvem der har ansvaret for lektiecaféen, når frivillige stopper.',
    ],
    codings: [
      ['Vi har en styregruppe, der mødes fire gange om året', ['theme:project_organisation']],
      [
        'Styregruppen bakker op, men beslutninger tager lang tid, fordi kommunen skal høres først.',
        ['theme:collaboration', 'barrier', 'marker:1'],
      ],
      [
        'Vi registrerer deltagere hver måned, og det giver os et godt overblik over aktiviteterne.',
        ['theme:steering', 'driver', 'marker:3'],
      ],
      [
        'vi ved ikke altid, hvem der har ansvaret for lektiecaféen, når frivillige stopper.',
        ['theme:working_methods', 'barrier', 'marker:4'],
      ],
    ],
  },
  {
    kind: 'interview',
    title: 'Interview med kommunal samarbejdspartner (eksempel)',
    date: '2026-03-24',
    participants: { municipal_partners: 1 },
    lines: [
      '(Eksempeldata. Opdigtet interview, ingen rigtige personer.)',
      'Interviewer: Hvordan spiller helhedsplanen sammen med kommunens tilbud?',
      'Kommunal partner D: Vi har en fast kontaktperson i jobcentret, så beboerne kommer hurtigt videre.',
      'Kommunal partner D: Det er sværere med skolerne, hvor der ikke er afsat timer til samarbejdet.',
      'Interviewer: Kender medarbejderne målene for indsatsen?',
      'Kommunal partner D: Ja, vi gennemgår målene sammen hvert halve år, og det gør rollerne klare.',
    ],
    codings: [
      [
        'Vi har en fast kontaktperson i jobcentret, så beboerne kommer hurtigt videre.',
        ['theme:coordination', 'driver'],
      ],
      [
        'Det er sværere med skolerne, hvor der ikke er afsat timer til samarbejdet.',
        ['theme:coordination', 'barrier'],
      ],
      [
        'vi gennemgår målene sammen hvert halve år, og det gør rollerne klare.',
        ['theme:steering', 'driver', 'marker:2'],
      ],
    ],
  },
  {
    kind: 'phone_follow_up',
    title: 'Telefonopfølgning med beboerrepræsentant (eksempel)',
    date: '2026-04-07',
    participants: { resident_board: 1 },
    lines: [
      '(Eksempeldata. Opdigtet telefonsamtale, ingen rigtige personer.)',
      'Interviewer: Hvordan oplever beboerne aktiviteterne?',
      'Beboerrepræsentant E: Mange kommer til fællesspisningen, fordi det er naboerne selv, der laver maden.',
      'Beboerrepræsentant E: Men vi bliver sjældent spurgt, før en ny aktivitet starter.',
    ],
    codings: [
      [
        'Mange kommer til fællesspisningen, fordi det er naboerne selv, der laver maden.',
        ['theme:working_methods', 'driver', 'marker:5'],
      ],
      ['Men vi bliver sjældent spurgt, før en ny aktivitet starter.', ['theme:collaboration', 'barrier']],
    ],
  },
];

/** Code points before `at` in `text` (positions are code points). */
const codePoints = (s: string) => [...s].length;

/**
 * The example study of the process evaluation (Eksempeldata): three cases over the first three
 * example plans (by name, as the example questionnaires), one data collection and one invented
 * Danish transcript per case, a desk-research document on the first case, the seeded codebook,
 * some codings by an example coder, and a memo on the barrier code. Loaded once.
 * @returns whether the study was loaded now
 */
export async function seedExampleEvaluation(trx: Executor): Promise<boolean> {
  const done = await trx.selectFrom('meta').select('value').where('key', '=', DONE_KEY).executeTakeFirst();
  if (done) return false;
  const plans = await trx
    .selectFrom('plans')
    .select(['id', 'name'])
    .where('isExample', '=', 1)
    .orderBy('name')
    .orderBy('id')
    .limit(TRANSCRIPTS.length)
    .execute();
  if (plans.length < TRANSCRIPTS.length) return false;
  const now = nowIso();
  const studyId = newId();
  await trx
    .insertInto('evaluationStudies')
    .values({
      id: studyId,
      name: 'Eksempelstudie: implementering i tre helhedsplaner',
      question:
        'Eksempeldata. Hvad fremmer og hæmmer implementeringen af helhedsplanerne, set fra projektmedarbejdere, kommunale partnere og beboere?',
      createdBy: null,
      isExample: 1,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  await seedCodebook(trx, studyId, null);
  const codes = await trx
    .selectFrom('evaluationCodes')
    .select(['id', 'role'])
    .where('studyId', '=', studyId)
    .execute();
  const codeByRole = new Map(codes.filter((c) => c.role).map((c) => [c.role!, c.id]));
  const coderId = newId();
  await trx
    .insertInto('evaluationCoders')
    .values({ id: coderId, studyId, userId: null, name: 'Eksempelkoder', createdAt: now })
    .execute();
  for (const [i, t] of TRANSCRIPTS.entries()) {
    const plan = plans[i]!;
    const caseId = newId();
    await trx
      .insertInto('evaluationCases')
      .values({
        id: caseId,
        studyId,
        name: plan.name,
        description: 'Eksempeldata',
        planId: plan.id,
        areaSecretariatId: null,
        sortOrder: i,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const collectionId = newId();
    await trx
      .insertInto('evaluationDataCollections')
      .values({
        id: collectionId,
        studyId,
        caseId,
        kind: t.kind,
        title: t.title,
        date: t.date,
        participantsJson: toJson(t.participants)!,
        consentRecorded: 1,
        consentNote: 'Eksempeldata: samtykke indhentet skriftligt (opdigtet).',
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const text = t.lines.join('\n').normalize('NFC') + '\n';
    const sourceId = newId();
    await trx
      .insertInto('evaluationSources')
      .values({
        id: sourceId,
        studyId,
        caseId,
        dataCollectionId: collectionId,
        kind: 'transcript',
        name: t.title,
        description: 'Eksempeldata',
        text,
        length: codePoints(text),
        filename: `eksempel-${i + 1}.txt`,
        encoding: 'utf-8',
        pseudonymisationJson: toJson({ names: 0, replacements: 0, cprNumbers: 0 })!,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    for (const [quote, roles] of t.codings) {
      const at = text.indexOf(quote);
      if (at < 0) throw new Error(`Example quote not in its transcript: ${quote}`);
      const startPos = codePoints(text.slice(0, at));
      const endPos = startPos + codePoints(quote);
      for (const role of roles) {
        const codeId = codeByRole.get(role);
        if (!codeId) continue;
        await trx
          .insertInto('evaluationCodings')
          .values({ id: newId(), studyId, sourceId, codeId, startPos, endPos, coderId, createdAt: now })
          .execute();
      }
    }
  }
  // A desk-research document on the first case.
  const firstCase = await trx
    .selectFrom('evaluationCases')
    .select('id')
    .where('studyId', '=', studyId)
    .orderBy('sortOrder')
    .executeTakeFirstOrThrow();
  const minutes = [
    '(Eksempeldata. Opdigtet referat.)',
    'Referat af styregruppemøde',
    'Styregruppen godkendte årsplanen for lektiecaféen og bad sekretariatet om en status på fællesspisningen til næste møde.',
    '',
  ].join('\n');
  await trx
    .insertInto('evaluationSources')
    .values({
      id: newId(),
      studyId,
      caseId: firstCase.id,
      dataCollectionId: null,
      kind: 'document',
      name: 'Referat af styregruppemøde (eksempel)',
      description: 'Eksempeldata: deskresearch',
      text: minutes,
      length: codePoints(minutes),
      filename: 'eksempel-referat.txt',
      encoding: 'utf-8',
      pseudonymisationJson: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  const barrier = codeByRole.get('barrier');
  if (barrier)
    await trx
      .insertInto('evaluationMemos')
      .values({
        id: newId(),
        studyId,
        targetKind: 'code',
        targetId: barrier,
        title: 'Eksempelmemo: barrierer går igen',
        text: 'Eksempeldata. Uklar ansvarsfordeling nævnes i to af de tre cases.',
        authorId: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
  await trx.insertInto('meta').values({ key: DONE_KEY, value: now }).execute();
  return true;
}

/** Puts a user (the demo administrator) on the team of every example study. */
export async function joinExampleStudies(db: Db, userId: string): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const studies = await trx
      .selectFrom('evaluationStudies')
      .select('id')
      .where('isExample', '=', 1)
      .execute();
    for (const s of studies) {
      const on = await trx
        .selectFrom('evaluationStudyMembers')
        .select('userId')
        .where('studyId', '=', s.id)
        .where('userId', '=', userId)
        .executeTakeFirst();
      if (!on)
        await trx
          .insertInto('evaluationStudyMembers')
          .values({ studyId: s.id, userId, addedAt: now })
          .execute();
    }
  });
}
