import type { Locale } from './common.js';
import { theoryMessages } from './theory.js';

type Text = { da: string; en: string };

/**
 * Messages for the stable error codes the API returns. The server picks the user's language;
 * `{name}` placeholders are filled from the error's parameters.
 */
export const errorMessages = {
  validation_failed: { da: 'Nogle felter skal rettes.', en: 'Some fields need correcting.' },
  not_found: { da: 'Siden eller ressourcen findes ikke.', en: 'The page or resource does not exist.' },
  unauthenticated: { da: 'Du skal logge ind.', en: 'You need to log in.' },
  forbidden: { da: 'Du har ikke adgang til dette.', en: 'You do not have access to this.' },
  csrf_invalid: {
    da: 'Sikkerhedstjek mislykkedes. Genindlæs siden og prøv igen.',
    en: 'Security check failed. Reload the page and try again.',
  },
  login_failed: { da: 'Forkert e-mail eller adgangskode.', en: 'Wrong email or password.' },
  login_throttled: {
    da: 'For mange mislykkede forsøg. Vent {minutes} minutter og prøv igen.',
    en: 'Too many failed attempts. Wait {minutes} minutes and try again.',
  },
  stale_version: {
    da: 'En anden har ændret dette i mellemtiden. Genindlæs og prøv igen.',
    en: 'Someone else changed this in the meantime. Reload and try again.',
  },
  body_too_large: { da: 'Forespørgslen er for stor.', en: 'The request is too large.' },
  bad_request: { da: 'Forespørgslen kunne ikke læses.', en: 'The request could not be read.' },
  rate_limited: {
    da: 'For mange forespørgsler. Prøv igen om lidt.',
    en: 'Too many requests. Try again shortly.',
  },
  database_unavailable: {
    da: 'Databasen svarer ikke lige nu. Prøv igen om lidt.',
    en: 'The database is not answering right now. Try again shortly.',
  },
  internal_error: {
    da: 'Der skete en uventet fejl. Prøv igen, og kontakt en administrator, hvis det fortsætter.',
    en: 'An unexpected error occurred. Try again, and contact an administrator if it continues.',
  },
  municipality_not_found: { da: 'Kommunen findes ikke.', en: 'The municipality does not exist.' },
  municipality_name_taken: {
    da: 'Der findes allerede en kommune med det navn.',
    en: 'A municipality with that name already exists.',
  },
  municipality_code_taken: {
    da: 'Der findes allerede en kommune med den kommunekode.',
    en: 'A municipality with that code already exists.',
  },
  municipality_in_use: {
    da: 'Kommunen bruges af {count} boligområder, planer, organisationer eller sekretariater og kan ikke slettes.',
    en: 'The municipality is used by {count} areas, plans, organisations or secretariats and cannot be deleted.',
  },
  housing_organisation_not_found: {
    da: 'Boligorganisationen findes ikke.',
    en: 'The housing organisation does not exist.',
  },
  housing_organisation_name_taken: {
    da: 'Der findes allerede en boligorganisation med det navn.',
    en: 'A housing organisation with that name already exists.',
  },
  housing_organisation_in_use: {
    da: 'Boligorganisationen bruges af {count} afdelinger eller planer og kan ikke slettes.',
    en: 'The housing organisation is used by {count} departments or plans and cannot be deleted.',
  },
  area_not_found: { da: 'Boligområdet findes ikke.', en: 'The housing area does not exist.' },
  area_in_use: {
    da: 'Boligområdet indgår i {count} planer og kan ikke slettes.',
    en: 'The housing area is part of {count} plans and cannot be deleted.',
  },
  department_number_taken: {
    da: 'Afdelingsnummer {departmentNumber} findes allerede hos {organisation}.',
    en: 'Department number {departmentNumber} already exists at {organisation}.',
  },
  pool_not_found: { da: 'Puljen findes ikke.', en: 'The funding pool does not exist.' },
  pool_name_taken: {
    da: 'Der findes allerede en pulje med det navn.',
    en: 'A funding pool with that name already exists.',
  },
  pool_in_use: {
    da: 'Puljen bruges af {count} planer eller bevillinger og kan ikke slettes.',
    en: 'The pool is used by {count} plans or grants and cannot be deleted.',
  },
  pool_years_invalid: {
    da: 'Slutåret må ikke ligge før startåret.',
    en: 'The end year must not be before the start year.',
  },
  secretariat_not_found: {
    da: 'Områdesekretariatet findes ikke.',
    en: 'The area secretariat does not exist.',
  },
  secretariat_in_use: {
    da: 'Områdesekretariatet betjener {count} planer og kan ikke slettes.',
    en: 'The area secretariat serves {count} plans and cannot be deleted.',
  },
  plan_not_found: { da: 'Helhedsplanen findes ikke.', en: 'The plan does not exist.' },
  focus_area_not_in_pool: {
    da: 'Indsatsområdet hører ikke til planens pulje ({pool}). Vælg indsatsområder fra puljens katalog.',
    en: "The focus area does not belong to the plan's pool ({pool}). Choose focus areas from the pool's catalogue.",
  },
  focus_area_not_found: { da: 'Indsatsområdet findes ikke.', en: 'The focus area does not exist.' },
  period_end_before_start: {
    da: 'Slutdatoen må ikke ligge før startdatoen.',
    en: 'The end date must not be before the start date.',
  },
  user_not_found: { da: 'Brugeren findes ikke.', en: 'The user does not exist.' },
  email_taken: {
    da: 'Der findes allerede en bruger med den e-mail.',
    en: 'A user with that email already exists.',
  },
  cannot_remove_own_admin: {
    da: 'Du kan ikke fjerne din egen administratorrolle eller deaktivere dig selv.',
    en: 'You cannot remove your own administrator role or disable yourself.',
  },
  organisation_not_found: { da: 'Organisationen findes ikke.', en: 'The organisation does not exist.' },
  forum_not_found: { da: 'Forummet findes ikke.', en: 'The forum does not exist.' },
  person_not_found: { da: 'Personen findes ikke.', en: 'The person does not exist.' },
  membership_not_found: { da: 'Medlemskabet findes ikke.', en: 'The membership does not exist.' },
  forum_not_in_plan: {
    da: 'Forummet hører ikke til denne helhedsplan. Vælg et forum fra planens egen organisering.',
    en: "The forum does not belong to this plan. Choose a forum from the plan's own organisation.",
  },
  person_not_in_plan: {
    da: 'Personen hører ikke til denne helhedsplan. Opret personen under planens personer først.',
    en: "The person does not belong to this plan. Add the person to the plan's people first.",
  },
  forum_reports_to_itself: {
    da: 'Et forum kan ikke rapportere til sig selv. Vælg et andet forum eller ingen (øverst).',
    en: 'A forum cannot report to itself. Choose another forum, or none (at the top).',
  },
  forum_reporting_loop: {
    da: 'Det giver en rapporteringsløkke: {chain}. Vælg et forum højere oppe eller ingen.',
    en: 'That makes a reporting loop: {chain}. Choose a forum higher up, or none.',
  },
  forum_has_subordinates: {
    da: '{names} rapporterer til forummet. Lad dem rapportere et andet sted hen først.',
    en: '{names} report to this forum. Make them report elsewhere first.',
  },
  person_already_in_forum: {
    da: '{person} sidder allerede i {forum}. Ret den eksisterende plads i stedet for at tilføje en ny.',
    en: '{person} already sits in {forum}. Edit the existing seat instead of adding another.',
  },
  steering_only_on_secretariat: {
    da: 'Styringsform angives kun for et projektsekretariat. Lad feltet stå tomt.',
    en: 'The steering form is only set on a project secretariat. Leave the field empty.',
  },
  local_professional_kind_only_for_local: {
    da: 'Fagområde angives kun for lokale fagprofessionelle. Lad feltet stå tomt, eller vælg lokal fagprofessionel.',
    en: 'The professional field is only set for local professionals. Leave it empty, or choose local professional.',
  },
  party_not_in_agreement: {
    da: 'Parten er ikke med i aftalen. Tilføj den som part først, eller vælg en af aftalens parter.',
    en: 'The party is not in the agreement. Add it as a party first, or choose one of the parties.',
  },
  party_ref_twice: {
    da: 'To parter har samme reference. Hver part skal have sin egen.',
    en: 'Two parties have the same reference. Each party needs its own.',
  },
  focus_area_not_chosen_by_plan: {
    da: 'Planen har ikke valgt dette indsatsområde. Vælg et af planens indsatsområder.',
    en: "The plan has not chosen this focus area. Choose one of the plan's focus areas.",
  },
  matrix_cell_twice: {
    da: 'Parten har allerede en rolle for dette indsatsområde. Giv hver part én rolle pr. indsatsområde.',
    en: 'The party already has a role for this focus area. Give each party one role per focus area.',
  },
  signed_on_required: {
    da: 'Angiv underskriftsdatoen, når aftalen er underskrevet, godkendt eller revideret.',
    en: 'Give the signing date once the agreement is signed, approved or revised.',
  },
  service_not_in_municipality: {
    da: 'Tilbuddet findes ikke i kommunens katalog. Vælg et af kommunens tilbud, eller opret et nyt.',
    en: "The service is not in the municipality's catalogue. Choose one of its services, or add a new one.",
  },
  service_choice_required: {
    da: 'Vælg et eksisterende tilbud eller udfyld et nyt, ikke begge dele.',
    en: 'Choose an existing service or fill in a new one, not both.',
  },
  plan_not_served_by_secretariat: {
    da: 'Helhedsplanen betjenes ikke af dette områdesekretariat. Vælg en af sekretariatets planer.',
    en: 'The plan is not served by this area secretariat. Choose one of its plans.',
  },
  forum_ref_unknown: {
    da: 'Forummet findes ikke i sekretariatets organisering. Vælg et af dets fora.',
    en: "The forum is not in the secretariat's organisation. Choose one of its forums.",
  },
  ref_twice: {
    da: 'Referencen er brugt to gange. Giv hvert forum sin egen.',
    en: 'The reference is used twice. Give each forum its own.',
  },
  function_twice: {
    da: 'Funktionen står to gange. Saml den i én linje med alle, der udfører den.',
    en: 'The function is listed twice. Put it on one line with everyone who carries it out.',
  },
  municipal_service_not_found: {
    da: 'Det kommunale tilbud findes ikke.',
    en: 'The municipal service does not exist.',
  },
  municipal_service_name_taken: {
    da: 'Kommunen har allerede et tilbud med det navn.',
    en: 'The municipality already has a service with that name.',
  },
  municipal_service_in_use: {
    da: 'Tilbuddet kan ikke slettes, fordi det indgår i samarbejdsaftalen for {plans}. Fjern det fra aftalen først.',
    en: 'The service cannot be deleted because the collaboration agreement of {plans} links it. Remove it from the agreement first.',
  },
  municipal_service_municipality_locked: {
    da: 'Tilbuddet kan ikke flyttes til en anden kommune, fordi det indgår i samarbejdsaftalen for {plans}.',
    en: 'The service cannot move to another municipality because the collaboration agreement of {plans} links it.',
  },
  municipality_has_services: {
    da: 'Kommunen har {count} tilbud i kataloget over kommunale tilbud og kan ikke slettes. Slet tilbuddene først.',
    en: 'The municipality has {count} services in the catalogue of municipal services and cannot be deleted. Delete the services first.',
  },

  focus_area_in_use: {
    da: 'Planen har {goals} mål og {activities} aktiviteter under indsatsområdet {name}. Flyt dem til et andet indsatsområde, før det fjernes.',
    en: 'The plan has {goals} goals and {activities} activities under the focus area {name}. Move them to another focus area before removing it.',
  },
  period_outside_plan: {
    da: 'Perioden {period} ligger uden for planens periode ({start} til {end}).',
    en: "The period {period} lies outside the plan's period ({start} to {end}).",
  },
  goal_not_found: {
    da: 'Målet findes ikke i denne helhedsplan.',
    en: 'The goal does not exist in this plan.',
  },
  indicator_not_found: {
    da: 'Indikatoren findes ikke i denne helhedsplan.',
    en: 'The indicator does not exist in this plan.',
  },
  activity_not_found: {
    da: 'Aktiviteten findes ikke i denne helhedsplan.',
    en: 'The activity does not exist in this plan.',
  },
  focus_area_not_in_plan: {
    da: 'Planen har ikke valgt dette indsatsområde. Vælg et af planens indsatsområder, eller tilføj det på planen først.',
    en: "The plan has not chosen this focus area. Choose one of the plan's focus areas, or add it to the plan first.",
  },
  goal_not_in_plan: {
    da: 'Målet hører til en anden helhedsplan (eller findes ikke). Vælg et mål fra denne plan.',
    en: 'The goal belongs to another plan (or does not exist). Choose a goal of this plan.',
  },
  goal_parent_invalid: {
    da: 'Et overordnet mål skal være ét niveau højere (effektmål over resultatmål, resultatmål over aktivitetsmål) i samme indsatsområde og plan.',
    en: 'A parent goal must be one level up (impact over result, result over activity) in the same focus area and plan.',
  },
  goal_in_use: {
    da: 'Målet har {indicators} indikatorer og {children} undermål. Flyt eller slet dem først.',
    en: 'The goal has {indicators} indicators and {children} sub-goals. Move or delete them first.',
  },
  indicator_has_values: {
    da: 'Indikatoren har {count} registrerede værdier og kan ikke slettes. Værdier slettes aldrig stille.',
    en: 'The indicator has {count} recorded values and cannot be deleted. Values are never deleted silently.',
  },
  change_reason_required: {
    da: 'Definitionen har {count} værdier. Skriv en begrundelse for ændringen; de tidligere værdier gemmes med den tidligere definition.',
    en: 'The definition has {count} values. Give a reason for the change; the earlier values are kept with the earlier definition.',
  },
  breakdown_key_duplicate: {
    da: 'Opdelingen "{key}" findes allerede på indikatoren.',
    en: 'The breakdown "{key}" already exists on the indicator.',
  },
  duplicate_target: {
    da: 'Der er allerede et måltal for {period} med denne opdeling.',
    en: 'There is already a target for {period} with this breakdown.',
  },
  baseline_date_without_value: {
    da: 'Angiv baselineværdien, eller fjern datoen.',
    en: 'Give the baseline value, or remove the date.',
  },
  invalid_period: {
    da: 'Ugyldig periode "{value}". Skriv fx whole, 2025, 2025-H1 eller 2025-Q3.',
    en: 'Invalid period "{value}". Write e.g. whole, 2025, 2025-H1 or 2025-Q3.',
  },
  invalid_state: {
    da: 'Status skal være værdi, mangler eller diskretioneret.',
    en: 'The state must be value, missing or suppressed.',
  },
  value_required: {
    da: 'Skal udfyldes for denne indikatortype.',
    en: 'Required for this kind of indicator.',
  },
  not_a_number: { da: 'Skal være et tal.', en: 'Must be a number.' },
  negative_value: { da: 'Må ikke være negativ ({value}).', en: 'Must not be negative ({value}).' },
  not_whole_number: { da: 'Skal være et helt tal ({value}).', en: 'Must be a whole number ({value}).' },
  yes_no_not_0_1: {
    da: 'En ja/nej-indikator tager kun 0 (nej) eller 1 (ja), ikke {value}.',
    en: 'A yes/no indicator takes only 0 (no) or 1 (yes), not {value}.',
  },
  numerator_exceeds_denominator: {
    da: 'Tælleren ({numerator}) må ikke være større end nævneren ({denominator}).',
    en: 'The numerator ({numerator}) must not exceed the denominator ({denominator}).',
  },
  denominator_zero: { da: 'Nævneren skal være større end 0.', en: 'The denominator must be greater than 0.' },
  percentage_out_of_range: {
    da: 'En procent skal ligge mellem 0 og 100, ikke {value}.',
    en: 'A percentage must lie between 0 and 100, not {value}.',
  },
  unexpected_value: {
    da: 'Dette felt skal være tomt for denne indikatortype og status.',
    en: 'This field must be empty for this kind of indicator and state.',
  },
  unknown_breakdown: {
    da: 'Indikatoren har ingen opdeling "{breakdown}".',
    en: 'The indicator has no breakdown "{breakdown}".',
  },
  unknown_breakdown_value: {
    da: 'Opdelingen "{breakdown}" har ingen kategori "{value}".',
    en: 'The breakdown "{breakdown}" has no category "{value}".',
  },
  duplicate_observation: {
    da: 'Samme periode ({period}) og opdeling står to gange (også i række {row}).',
    en: 'The same period ({period}) and breakdown appear twice (also in row {row}).',
  },
  // Registrations, participants and values computed from them
  registration_not_found: {
    da: 'Registreringen findes ikke i denne helhedsplan.',
    en: 'The registration does not exist in this plan.',
  },
  activity_not_in_plan: {
    da: 'Aktiviteten hører til en anden helhedsplan (eller findes ikke). Vælg en aktivitet fra denne plan.',
    en: 'The activity belongs to another plan (or does not exist). Choose an activity of this plan.',
  },
  registration_outside_activity: {
    da: 'Datoen {date} ligger uden for aktivitetens periode ({start} til {end}). Ret datoen eller aktivitetens periode.',
    en: "The date {date} lies outside the activity's period ({start} to {end}). Correct the date or the activity's period.",
  },
  date_in_future: {
    da: 'Datoen {date} ligger i fremtiden. Registrér det, der er sket.',
    en: 'The date {date} is in the future. Register what has happened.',
  },
  breakdown_not_counted: {
    da: 'Aktiviteten tæller ikke deltagere fordelt på "{breakdown}". Opdelinger kommer fra de indikatorer, aktiviteten leverer til: {allowed}.',
    en: 'The activity does not count participants by "{breakdown}". Breakdowns come from the indicators the activity feeds: {allowed}.',
  },
  breakdown_exceeds_participants: {
    da: 'Fordelt på "{breakdown}" er der talt {sum} deltagere, men registreringen har kun {participants}.',
    en: 'Counted by "{breakdown}" there are {sum} participants, but the registration has only {participants}.',
  },
  activity_has_registrations: {
    da: 'Aktiviteten har {registrations} registreringer og {enrolments} tilmeldinger og kan ikke slettes. Sæt den til "afsluttet" i stedet.',
    en: 'The activity has {registrations} registrations and {enrolments} enrolments and cannot be deleted. Set it to "ended" instead.',
  },
  measure_required: {
    da: 'Vælg, hvad indikatoren tæller i registreringerne (deltagere, gange, timer, tilmeldte eller et udfald).',
    en: 'Choose what the indicator counts in the registrations (participants, sessions, hours, enrolled or an outcome).',
  },
  measure_not_for_source: {
    da: 'Kun indikatorer med registreringer som datakilde tæller i registreringerne. Fjern valget, eller skift datakilde.',
    en: 'Only indicators with registrations as data source count in the registrations. Clear the choice or change the data source.',
  },
  measure_kind_mismatch: {
    da: 'En indikator af typen "{kind}" kan ikke beregnes som "{measure}". Mulige typer: {allowed}.',
    en: 'An indicator of kind "{kind}" cannot be computed as "{measure}". Possible kinds: {allowed}.',
  },
  outcome_kind_required: {
    da: 'Vælg hvilket udfald indikatoren tæller (f.eks. påbegyndt uddannelse).',
    en: 'Choose which outcome the indicator counts (e.g. started education).',
  },
  values_computed: {
    da: 'Indikatorens værdier beregnes af registreringerne og kan ikke indtastes. Registrér aktiviteten i stedet, eller skift datakilde.',
    en: "The indicator's values are computed from the registrations and cannot be entered. Register the activity instead, or change the data source.",
  },
  participant_not_found: {
    da: 'Deltageren findes ikke i denne helhedsplan.',
    en: 'The participant does not exist in this plan.',
  },
  participant_code_cpr: {
    da: 'Koden ligner et CPR-nummer. Deltagere registreres med en kode, I selv vælger (f.eks. LC-0042), aldrig med CPR-nummer.',
    en: 'The code looks like a CPR number. Participants are registered with a code you choose (e.g. LC-0042), never a CPR number.',
  },
  participant_code_taken: {
    da: 'Planen har allerede en deltager med koden {code}.',
    en: 'The plan already has a participant with the code {code}.',
  },
  enrolment_duplicate: {
    da: 'Deltageren er tilmeldt samme aktivitet fra samme dato to gange.',
    en: 'The participant is enrolled in the same activity from the same date twice.',
  },
  outcome_duplicate: {
    da: 'Samme udfald på samme dato står to gange.',
    en: 'The same outcome on the same date appears twice.',
  },
  // Imports of registrations, participants and indicator values
  import_refused: {
    da: 'Filen blev ikke indlæst: {count} fejl skal rettes først. Intet er gemt.',
    en: 'The file was not imported: {count} problems must be fixed first. Nothing was stored.',
  },
  import_conflict: {
    da: 'En anden indlæsning til planen blev gemt samtidig, så intet fra denne fil er gemt. Indlæs filen igen: rækker, der allerede findes, springes over.',
    en: 'Another import into the plan was stored at the same moment, so nothing from this file was stored. Import the file again: rows already there are skipped.',
  },
  import_file_refused: {
    da: 'Filen kan ikke indlæses. {reason}',
    en: 'The file cannot be imported. {reason}',
  },
  import_unknown_columns: {
    da: 'Filen har kolonner, Pejling ikke kender: {columns}. Omdøb eller slet dem. Kolonnerne kan være: {expected}.',
    en: 'The file has columns Pejling does not know: {columns}. Rename or delete them. The columns can be: {expected}.',
  },
  import_missing_columns: {
    da: 'Filen mangler kolonnen {columns}. Hent skabelonen, og brug dens overskrifter. Kolonnerne kan være: {expected}.',
    en: 'The file lacks the column {columns}. Download the template and use its headers. The columns can be: {expected}.',
  },
  import_too_large: {
    da: 'Filen er for stor: højst {maxMb} MB kan indlæses ad gangen. Del den op i flere filer.',
    en: 'The file is too large: at most {maxMb} MB can be imported at a time. Split it into several files.',
  },
  import_required: {
    da: 'Skal udfyldes.',
    en: 'Required.',
  },
  import_not_number: {
    da: '"{value}" er ikke et tal. Skriv f.eks. 12 eller 2,5.',
    en: '"{value}" is not a number. Write e.g. 12 or 2.5.',
  },
  import_not_whole_number: {
    da: '"{value}" skal være et helt tal, 0 eller derover.',
    en: '"{value}" must be a whole number, 0 or more.',
  },
  import_not_date: {
    da: '"{value}" er ikke en dato. Skriv datoen som dd-mm-åååå, f.eks. 05-03-2024.',
    en: '"{value}" is not a date. Write the date as dd-mm-yyyy, e.g. 05-03-2024, or yyyy-mm-dd.',
  },
  import_activity_unknown: {
    da: 'Aktiviteten "{value}" findes ikke i denne helhedsplan. Skriv navnet på en af planens aktiviteter: {allowed}.',
    en: 'The activity "{value}" does not exist in this plan. Write the name of one of its activities: {allowed}.',
  },
  import_activity_ambiguous: {
    da: 'Flere af planens aktiviteter hedder "{value}". Skriv aktivitetens id i stedet for navnet.',
    en: 'Several of the plan\'s activities are called "{value}". Write the activity\'s id instead of its name.',
  },
  import_indicator_unknown: {
    da: 'Indikatoren "{value}" findes ikke i denne helhedsplan. Skriv navnet på en af planens indikatorer: {allowed}.',
    en: 'The indicator "{value}" does not exist in this plan. Write the name of one of its indicators: {allowed}.',
  },
  import_indicator_ambiguous: {
    da: 'Flere af planens indikatorer hedder "{value}". Skriv indikatorens id i stedet for navnet.',
    en: 'Several of the plan\'s indicators are called "{value}". Write the indicator\'s id instead of its name.',
  },
  import_gender_unknown: {
    da: '"{value}" er ikke et køn, Pejling kender. Skriv kvinde, mand eller andet, eller lad feltet stå tomt.',
    en: '"{value}" is not a gender Pejling knows. Write female, male or other, or leave it empty.',
  },
  import_outcome_unknown: {
    da: '"{value}" er ikke et udfald, Pejling kender. Skriv et af: {allowed}.',
    en: '"{value}" is not an outcome Pejling knows. Write one of: {allowed}.',
  },
  import_state_unknown: {
    da: 'Status "{value}" findes ikke. Skriv værdi, mangler eller undertrykt.',
    en: 'The status "{value}" does not exist. Write value, missing or suppressed.',
  },
  import_breakdown_unknown: {
    da: 'Opdelingen "{value}" passer ikke til indikatoren. Skriv f.eks. {example}, eller lad feltet stå tomt for totalen.',
    en: 'The breakdown "{value}" does not fit the indicator. Write e.g. {example}, or leave it empty for the total.',
  },
  import_participant_conflict: {
    da: 'Deltager {code} har "{value}" her, men "{other}" i række {row}. Skriv det samme i alle deltagerens rækker.',
    en: 'Participant {code} has "{value}" here, but "{other}" in row {row}. Write the same in all the participant\'s rows.',
  },
  import_enrolment_incomplete: {
    da: 'En tilmelding kræver både aktivitet og "tilmeldt fra".',
    en: 'An enrolment needs both an activity and "enrolled from".',
  },
  import_outcome_incomplete: {
    da: 'Et udfald kræver både udfald og udfaldsdato.',
    en: 'An outcome needs both the outcome and its date.',
  },
  import_code_invalid: {
    da: 'Koden "{value}" kan ikke bruges: højst 40 tegn, kun bogstaver, tal, punktum, bindestreg og understreg (f.eks. LC-0042).',
    en: 'The code "{value}" cannot be used: at most 40 characters, only letters, digits, period, hyphen and underscore (e.g. LC-0042).',
  },
  import_postcode_invalid: {
    da: 'Postnummeret "{value}" skal være fire cifre, f.eks. 5240.',
    en: 'The postcode "{value}" must be four digits, e.g. 5240.',
  },
  import_number_range: {
    da: '"{value}" skal være mellem {min} og {max}.',
    en: '"{value}" must be between {min} and {max}.',
  },
  import_text_too_long: {
    da: 'Teksten er for lang: højst {max} tegn.',
    en: 'The text is too long: at most {max} characters.',
  },
  // Status reports
  report_not_found: {
    da: 'Statusrapporten findes ikke i denne helhedsplan.',
    en: 'The status report does not exist in this plan.',
  },
  report_not_draft: {
    da: 'Kun en kladde kan rettes eller slettes. Send rapporten tilbage til kladde først.',
    en: 'Only a draft can be edited or deleted. Return the report to draft first.',
  },
  report_wrong_status: {
    da: 'Rapporten har status "{status}"; det kræver status "{expected}". Genindlæs siden.',
    en: 'The report has status "{status}"; this needs status "{expected}". Reload the page.',
  },
  report_approver_only: {
    da: 'Kun et medlem af planens styregruppe eller bestyrelse (rollen Godkender) kan godkende rapporten.',
    en: "Only a member of the plan's steering group or board (the Approver role) can approve the report.",
  },
  report_recipients_required: {
    da: 'Skriv, hvem rapporten er sendt til (f.eks. styregruppen og Landsbyggefonden).',
    en: 'Write who the report was sent to (e.g. the steering group and Landsbyggefonden).',
  },
  // ---------- Portfolio and shared goals ----------
  shared_indicator_not_found: {
    da: 'Den fælles indikator findes ikke.',
    en: 'The shared indicator does not exist.',
  },
  shared_indicator_not_for_plan: {
    da: 'Den fælles indikator "{name}" hører til et andet områdesekretariat end planens. Vælg en af fondens eller planens områdesekretariats indikatorer.',
    en: "The shared indicator \"{name}\" belongs to another area secretariat than the plan's. Choose one of the fund's or the plan's area secretariat's indicators.",
  },
  shared_indicator_kind_mismatch: {
    da: 'Den fælles indikator "{name}" er af typen {sharedKind}, men indikatoren er af typen {kind}. Kun indikatorer af samme type kan knyttes sammen (f.eks. ikke et antal til en procentandel).',
    en: 'The shared indicator "{name}" is of kind {sharedKind}, but the indicator is of kind {kind}. Only indicators of the same kind can be linked (not a count to a percentage, say).',
  },
  shared_indicator_in_use: {
    da: '{count} indikatorer i planerne er knyttet til den fælles indikator. Fjern tilknytningerne først.',
    en: '{count} indicators in the plans are linked to the shared indicator. Remove the links first.',
  },
  shared_indicator_kind_locked: {
    da: 'Typen kan ikke ændres, mens {count} indikatorer i planerne er knyttet til den fælles indikator.',
    en: 'The kind cannot change while {count} indicators in the plans are linked to the shared indicator.',
  },
  shared_goal_not_found: {
    da: 'Det fælles mål findes ikke i dette områdesekretariat.',
    en: 'The shared goal does not exist in this area secretariat.',
  },
  shared_goal_not_in_secretariat: {
    da: 'Vælg et fælles mål fra samme områdesekretariat som indikatoren.',
    en: 'Choose a shared goal of the same area secretariat as the indicator.',
  },
  filter_value_unknown: {
    da: 'Filterværdien findes ikke. Vælg en værdi fra listen eller ryd filteret.',
    en: 'The filter value does not exist. Choose a value from the list or clear the filter.',
  },
  years_reversed: {
    da: 'Første år ({from}) ligger efter sidste år ({to}). Byt om på dem.',
    en: 'The first year ({from}) is after the last year ({to}). Swap them.',
  },
  period_outside_grants: {
    da: 'Perioden {from}-{to} ligger uden for alle bevillinger i de valgte planer ({start}-{end}). Vælg år inden for bevillingerne.',
    en: 'The period {from}-{to} lies outside every grant of the chosen plans ({start}-{end}). Choose years within the grants.',
  },
  expenditure_year_duplicate: {
    da: 'År {year} står flere gange. Skriv hvert års forbrug én gang.',
    en: "The year {year} appears more than once. Enter each year's expenditure once.",
  },
  expenditure_year_outside_grants: {
    da: 'År {year} ligger uden for planens bevillinger ({start}-{end}).',
    en: "The year {year} lies outside the plan's grants ({start}-{end}).",
  },
  compare_plan_not_visible: {
    da: 'Planen findes ikke eller er ikke blandt dem, du kan se.',
    en: 'The plan does not exist or is not among those you can see.',
  },
  study_not_found: { da: 'Undersøgelsen findes ikke.', en: 'The study does not exist.' },
  evaluation_not_on_team: {
    da: 'Kun undersøgelsens team har adgang til dens udskrifter og kodninger.',
    en: "Only the study's team has access to its transcripts and codings.",
  },
  evaluation_member_not_evaluator: {
    da: 'Brugeren er hverken evaluator eller administrator og kan ikke være med i teamet.',
    en: 'The user is neither an evaluator nor an administrator and cannot join the team.',
  },
  evaluation_cannot_leave_team: {
    da: 'Du kan ikke fjerne dig selv fra teamet.',
    en: 'You cannot remove yourself from the team.',
  },
  evaluation_case_not_found: {
    da: 'Casen findes ikke i undersøgelsen.',
    en: 'The case is not in the study.',
  },
  evaluation_case_subject_both: {
    da: 'En case er enten en plan eller et områdesekretariat, ikke begge.',
    en: 'A case is either a plan or an area secretariat, not both.',
  },
  evaluation_collection_not_found: {
    da: 'Dataindsamlingen findes ikke i undersøgelsen.',
    en: 'The data collection is not in the study.',
  },
  evaluation_speaker_not_in_source: {
    da: 'Taleren findes ikke i kilden. Vælg et navn, der står før et kolon i starten af en linje.',
    en: 'The speaker is not in the source. Choose a name that stands before a colon at the start of a line.',
  },
  evaluation_source_not_found: {
    da: 'Kilden findes ikke i undersøgelsen.',
    en: 'The source is not in the study.',
  },
  evaluation_code_not_found: {
    da: 'Koden findes ikke i undersøgelsen.',
    en: 'The code is not in the study.',
  },
  evaluation_code_not_codable: {
    da: 'Koden samler kun andre koder og kan ikke bruges til kodning.',
    en: 'The code only groups others and cannot be used for coding.',
  },
  evaluation_code_has_children: {
    da: 'Koden har {count} underkoder. Flyt eller flet dem først.',
    en: 'The code has {count} child codes. Move or merge them first.',
  },
  evaluation_code_in_use: {
    da: 'Koden er brugt i {count} kodninger. Flet den ind i en anden kode for at beholde dem.',
    en: 'The code is used by {count} codings. Merge it into another code to keep them.',
  },
  evaluation_code_move_refused: {
    da: 'Koden kan ikke flyttes eller flettes ind under sig selv eller en af sine underkoder.',
    en: 'A code cannot be moved or merged into itself or one of its own child codes.',
  },
  evaluation_coding_not_found: {
    da: 'Kodningen findes ikke i undersøgelsen.',
    en: 'The coding is not in the study.',
  },
  evaluation_position_outside_text: {
    da: 'Positionerne {start}-{end} ligger uden for teksten, som har {length} tegn (Unicode-kodepunkter).',
    en: 'The positions {start}-{end} lie outside the text, which has {length} characters (Unicode code points).',
  },
  evaluation_coder_not_found: {
    da: 'Koderen findes ikke i undersøgelsen.',
    en: 'The coder is not in the study.',
  },
  evaluation_memo_not_found: {
    da: 'Notatet findes ikke i undersøgelsen.',
    en: 'The memo is not in the study.',
  },
  evaluation_memo_target_not_found: {
    da: 'Det, notatet skal knyttes til, findes ikke i undersøgelsen.',
    en: 'What the memo should be attached to is not in the study.',
  },
  evaluation_file_refused: { da: 'Filen blev afvist: {reason}', en: 'The file was refused: {reason}' },
  evaluation_not_base64: {
    da: 'Filens indhold skal sendes som base64.',
    en: "The file's content must be sent as base64.",
  },
  evaluation_codebook_empty: {
    da: 'Kodebogen er tom og kan ikke eksporteres.',
    en: 'The codebook is empty and cannot be exported.',
  },
  survey_not_found: {
    da: 'Spørgeskemaet findes ikke i denne plan.',
    en: 'The questionnaire does not exist in this plan.',
  },
  survey_group_duplicate: {
    da: 'Gruppen {group} står flere gange. Angiv antallet af links for hver gruppe én gang.',
    en: 'The group {group} appears more than once. Give the number of links for each group once.',
  },
  questionnaire_not_found: {
    da: 'Linket til spørgeskemaet findes ikke. Tjek, at hele linket er kopieret med.',
    en: 'The questionnaire link does not exist. Check that the whole link was copied.',
  },
  questionnaire_already_answered: {
    da: 'Spørgeskemaet er allerede besvaret fra dette link. Hvert link kan kun bruges én gang.',
    en: 'The questionnaire has already been answered from this link. Each link can be used only once.',
  },
  questionnaire_closed: {
    da: 'Spørgeskemaet er lukket og modtager ikke flere besvarelser.',
    en: 'The questionnaire is closed and takes no more answers.',
  },
  ...theoryMessages,
} satisfies Record<string, Text>;

export type ErrorCode = keyof typeof errorMessages;

export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}

export function errorMessage(code: string, locale: Locale, params?: Record<string, unknown>): string {
  const entry = (errorMessages as Record<string, Text>)[code] ?? errorMessages.internal_error;
  return formatMessage(entry[locale], params);
}

/** A zod issue in the shape fastify-type-provider-zod reports it. */
export interface IssueLike {
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns one validation issue into a sentence that says what to fix, in the user's language. */
export function validationMessage(issue: IssueLike, locale: Locale): string {
  const p = issue.params;
  const da = locale === 'da';
  switch (issue.keyword) {
    case 'invalid_type': {
      // zod omits the input from issues; its own message ends in "received undefined" for a missing field.
      const missing =
        'input' in p
          ? p.input === undefined || p.input === null
          : /received (undefined|null)/.test(issue.message ?? '');
      if (missing) return da ? 'Skal udfyldes.' : 'Required.';
      const expected = String(p.expected ?? '');
      const names: Record<string, [string, string]> = {
        string: ['tekst', 'text'],
        number: ['et tal', 'a number'],
        int: ['et heltal', 'a whole number'],
        boolean: ['ja eller nej', 'yes or no'],
        array: ['en liste', 'a list'],
        object: ['et objekt', 'an object'],
      };
      const n = names[expected];
      return da ? `Skal være ${n ? n[0] : expected}.` : `Must be ${n ? n[1] : expected}.`;
    }
    case 'too_small': {
      const min = p.minimum;
      if (p.origin === 'string') {
        return min === 1 || min === 1n
          ? da
            ? 'Skal udfyldes.'
            : 'Required.'
          : da
            ? `Skal være mindst ${String(min)} tegn.`
            : `Must be at least ${String(min)} characters.`;
      }
      if (p.origin === 'array') {
        return da ? `Vælg mindst ${String(min)}.` : `Choose at least ${String(min)}.`;
      }
      return da ? `Skal være mindst ${String(min)}.` : `Must be at least ${String(min)}.`;
    }
    case 'too_big': {
      const max = p.maximum;
      if (p.origin === 'string') {
        return da ? `Må højst være ${String(max)} tegn.` : `Must be at most ${String(max)} characters.`;
      }
      if (p.origin === 'array') {
        return da ? `Højst ${String(max)} elementer.` : `At most ${String(max)} items.`;
      }
      return da ? `Må højst være ${String(max)}.` : `Must be at most ${String(max)}.`;
    }
    case 'invalid_format': {
      const format = String(p.format ?? '');
      if (format === 'email') return da ? 'Skriv en gyldig e-mailadresse.' : 'Enter a valid email address.';
      if (format === 'date') return da ? 'Skriv en dato som ÅÅÅÅ-MM-DD.' : 'Enter a date as YYYY-MM-DD.';
      if (format === 'uuid') return da ? 'Ugyldigt id.' : 'Invalid id.';
      return da ? 'Ugyldigt format.' : 'Invalid format.';
    }
    case 'invalid_value':
    case 'invalid_union': {
      // A union (e.g. a choice or '') reports the allowed values inside its branches' issues.
      const branches = Array.isArray(p.errors) ? (p.errors as { values?: unknown }[][]).flat() : [];
      const raw = Array.isArray(p.values)
        ? p.values
        : branches.flatMap((b) => (Array.isArray(b.values) ? b.values : []));
      const values = raw.filter((v) => v !== '').map(String);
      if (values.length > 0) {
        return da ? `Skal være en af: ${values.join(', ')}.` : `Must be one of: ${values.join(', ')}.`;
      }
      return da ? 'Ugyldig værdi.' : 'Invalid value.';
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? p.keys.map(String).join(', ') : '';
      return da ? `Ukendte felter: ${keys}.` : `Unknown fields: ${keys}.`;
    }
    case 'not_multiple_of':
      return da ? 'Skal være et heltal.' : 'Must be a whole number.';
    default:
      return da ? 'Ugyldig værdi.' : 'Invalid value.';
  }
}
