/** Texts of a plan's Data tab (imports); merged into i18n/da.ts and en.ts as `data`. */
export const dataDa = {
  title: 'Indlæs data',
  intro:
    'Indlæs registreringer, deltagere og indikatorværdier fra et regneark (CSV eller Excel). Hent skabelonen, udfyld den, og kontrollér filen: hver række tjekkes, før noget gemmes. Er der fejl, gemmes intet. Samme fil indlæst to gange tilføjer intet anden gang.',
  readOnly: 'Du kan se planen, men ikke indlæse data i den. Bed en redaktør af planen om adgang.',
  emptyTitle: 'Planen har endnu intet at indlæse data til',
  emptyText:
    'Registreringer og deltagere hører til planens aktiviteter, og værdier til dens indikatorer. Opret først aktiviteter eller mål med indikatorer.',
  toActivities: 'Gå til Aktiviteter',
  toGoals: 'Gå til Mål og indikatorer',
  kinds: {
    registrations: {
      title: 'Registreringer',
      help: 'Én række pr. gang eller hændelse: aktivitet (navn eller id), dato, deltagere, timer, note og en kolonne pr. kategori, som planens indikatorer tæller deltagere fordelt på (f.eks. "Køn: Kvinde").',
    },
    participants: {
      title: 'Deltagere',
      help: 'Én række pr. tilmelding eller udfald; rækker med samme kode samles til én deltager. Kolonner: kode, fødselsår, køn, postnummer, aktivitet, tilmeldt fra, tilmeldt til, udfald, udfaldsdato. Aldrig CPR-numre eller navne.',
    },
    'indicator-values': {
      title: 'Indikatorværdier',
      help: 'Én række pr. indikator, periode og opdeling: indikator (navn eller id), periode (f.eks. 2025, 2025-H1, 2025-Q3), opdeling (f.eks. "Køn=Kvinde", tom for totalen), status (værdi, mangler eller undertrykt) og de tal, indikatorens type kræver.',
    },
  },
  template: 'Skabelon',
  templateCsv: 'Skabelon som CSV',
  templateXlsx: 'Skabelon som Excel',
  file: 'Fil (CSV eller .xlsx, højst 20 MB)',
  check: 'Kontrollér filen',
  commit: 'Indlæs {{count}} rækker',
  cancel: 'Vælg en anden fil',
  progressLabel: 'Fremskridt for {{title}}',
  phases: {
    uploading: 'Sender filen … {{percent}} %',
    waiting: 'Sender filen …',
    reading: 'Læser filen …',
    validating: 'Kontrollerer rækkerne …',
    writing: 'Gemmer …',
    done: 'Færdig',
  },
  checked:
    'Filen er i orden: {{rows}} rækker. {{added}} tilføjes, {{updated}} ændres, og {{unchanged}} findes allerede uændret.',
  checkedTitle: 'Klar til at indlæse',
  imported:
    'Indlæst fra {{file}}: {{rows}} rækker. {{added}} tilføjet, {{updated}} ændret, {{unchanged}} uændret. Det tog {{seconds}} s.',
  importedTitle: 'Data er indlæst',
  refusedTitle: 'Filen kan ikke indlæses',
  problemsCaption: 'Fejl i filen, efter række og kolonne. Ret dem i regnearket, og kontrollér filen igen.',
  row: 'Række',
  column: 'Kolonne',
  problem: 'Hvad skal rettes',
  wholeFile: 'Hele filen',
  seeActivities: 'Se aktiviteterne',
  seeParticipants: 'Se deltagerne',
  seeGoals: 'Se mål og indikatorer',
  noFile: 'Vælg en fil først.',
};

export const dataEn: typeof dataDa = {
  title: 'Import data',
  intro:
    'Import registrations, participants and indicator values from a spreadsheet (CSV or Excel). Download the template, fill it in and check the file: every row is checked before anything is stored. If there are problems, nothing is stored. Importing the same file twice adds nothing the second time.',
  readOnly: 'You can read this plan but not import data into it. Ask an editor of the plan for access.',
  emptyTitle: 'The plan has nothing to import data for yet',
  emptyText:
    "Registrations and participants belong to the plan's activities, and values to its indicators. First create activities or goals with indicators.",
  toActivities: 'Go to Activities',
  toGoals: 'Go to Goals and indicators',
  kinds: {
    registrations: {
      title: 'Registrations',
      help: "One row per session or event: activity (name or id), date, participants, hours, note and a column per category the plan's indicators count participants by (e.g. \"Køn: Kvinde\").",
    },
    participants: {
      title: 'Participants',
      help: 'One row per enrolment or outcome; rows with the same code are one participant. Columns: code, birth year, gender, postcode, activity, enrolled from, enrolled to, outcome, outcome date. Never CPR numbers or names.',
    },
    'indicator-values': {
      title: 'Indicator values',
      help: 'One row per indicator, period and breakdown: indicator (name or id), period (e.g. 2025, 2025-H1, 2025-Q3), breakdown (e.g. "Køn=Kvinde", empty for the total), status (value, missing or suppressed) and the numbers the indicator\'s kind needs.',
    },
  },
  template: 'Template',
  templateCsv: 'Template as CSV',
  templateXlsx: 'Template as Excel',
  file: 'File (CSV or .xlsx, at most 20 MB)',
  check: 'Check the file',
  commit: 'Import {{count}} rows',
  cancel: 'Choose another file',
  progressLabel: 'Progress of {{title}}',
  phases: {
    uploading: 'Sending the file … {{percent}} %',
    waiting: 'Sending the file …',
    reading: 'Reading the file …',
    validating: 'Checking the rows …',
    writing: 'Storing …',
    done: 'Done',
  },
  checked:
    'The file is fine: {{rows}} rows. {{added}} will be added, {{updated}} changed, and {{unchanged}} are already stored unchanged.',
  checkedTitle: 'Ready to import',
  imported:
    'Imported from {{file}}: {{rows}} rows. {{added}} added, {{updated}} changed, {{unchanged}} unchanged. It took {{seconds}} s.',
  importedTitle: 'The data is imported',
  refusedTitle: 'The file cannot be imported',
  problemsCaption: 'Problems in the file, by row and column. Fix them in the spreadsheet and check the file again.',
  row: 'Row',
  column: 'Column',
  problem: 'What to fix',
  wholeFile: 'Whole file',
  seeActivities: 'See the activities',
  seeParticipants: 'See the participants',
  seeGoals: 'See goals and indicators',
  noFile: 'Choose a file first.',
};
