import type {
  Employer,
  ForumInput,
  ForumKind,
  ForumLevel,
  LocalProfessionalKind,
  MemberInput,
  MemberRole,
  OrganisationInput,
  OrganisationSide,
  Represents,
  SecretariatSteering,
  StaffInput,
  StaffTask,
  Text,
} from './typology.js';

/**
 * INVENTED EXAMPLE DATA. The source report names the 13 case areas and describes the types it
 * found, but it does not say which area had which type, and it names no people. The
 * organisations below are made up to show the typology at work: together they span every type
 * of every dimension. They say nothing about how the real areas were or are organised. People
 * are role descriptions marked "(eksempel)", never real names.
 */
export const TYPOLOGY_EXAMPLES_NOTICE: Text = {
  da: 'Opdigtede eksempler: rapporten oplyser ikke, hvilket caseområde der havde hvilken type. Organiseringerne er konstrueret for at vise typologien og beskriver ikke de virkelige områder.',
  en: 'Invented examples: the report does not say which case area had which type. The organisations are made up to show the typology and do not describe the real areas.',
};

export interface TypologyExample {
  /** The case area's name from the report; the organisation itself is invented. */
  area: string;
  organisation: OrganisationInput;
}

const EXAMPLE = ' (eksempel)';

function forum(
  id: string,
  kind: ForumKind,
  level: ForumLevel,
  makesDecisions: boolean,
  reportsTo: string | null,
  extra: Partial<Pick<ForumInput, 'name' | 'meetingsPerYear' | 'mandate' | 'steering'>> = {},
): ForumInput {
  return { id, kind, level, makesDecisions, reportsTo, ...extra };
}

function seat(
  forumId: string,
  name: string,
  represents: Represents,
  side: OrganisationSide | null,
  role: MemberRole = 'member',
  localProfessionalKind: LocalProfessionalKind | null = null,
): MemberInput {
  return { forumId, name: name + EXAMPLE, role, represents, side, localProfessionalKind };
}

function professional(
  forumId: string,
  name: string,
  kind: LocalProfessionalKind,
  role: MemberRole = 'member',
) {
  return seat(forumId, name, 'localProfessional', kind === 'police' ? 'other' : 'municipality', role, kind);
}

function resident(
  forumId: string,
  name: string,
  role: MemberRole = 'member',
  represents: Represents = 'residentBoard',
) {
  return seat(forumId, name, represents, null, role);
}

function staff(name: string, employer: Employer, hoursPerWeek: number, task: StaffTask): StaffInput {
  return { name: name + EXAMPLE, employer, hoursPerWeek, task };
}

function secretariat(reportsTo: string, steering: SecretariatSteering | null = null): ForumInput {
  return forum('ps', 'projectSecretariat', 'tactical', false, reportsTo, {
    name: 'Projektsekretariat',
    meetingsPerYear: 48,
    steering,
  });
}

const steeringGroup = (reportsTo: string | null = null) =>
  forum('sg', 'steeringGroup', 'strategic', true, reportsTo, {
    name: 'Styregruppe',
    meetingsPerYear: 4,
    mandate: 'Godkender årsplaner og budget og følger op på helhedsplanens mål.',
  });

const operationsGroup = (reportsTo: string, makesDecisions = true, level: ForumLevel = 'tactical') =>
  forum('og', 'operationsGroup', level, makesDecisions, reportsTo, {
    name: 'Driftsgruppe',
    meetingsPerYear: 10,
    mandate: 'Koordinerer den daglige udmøntning mellem aktørerne i området.',
  });

const board = () =>
  forum('board', 'board', 'strategic', true, null, {
    name: 'Boligsocial bestyrelse',
    meetingsPerYear: 2,
    mandate: 'Fastlægger den strategiske retning og prioriterer på tværs af kommune og boligorganisationer.',
  });

export const TYPOLOGY_EXAMPLES: TypologyExample[] = [
  {
    area: 'Aalborg Øst',
    organisation: {
      forums: [
        board(),
        steeringGroup('board'),
        operationsGroup('sg'),
        secretariat('sg'),
        forum('wg-children', 'workingGroup', 'operational', false, 'ps', { name: 'Børn og unge' }),
        forum('wg-jobs', 'workingGroup', 'operational', false, 'ps', { name: 'Beskæftigelse' }),
        forum('rf', 'residentForum', 'operational', false, 'ps', { name: 'Beboerforum' }),
      ],
      members: [
        seat('board', 'Rådmand', 'political', 'municipality', 'chair'),
        seat('board', 'Formand for organisationsbestyrelsen', 'political', 'housingOrganisation'),
        seat('board', 'Direktør, boligorganisation', 'topAdministration', 'housingOrganisation'),
        seat('board', 'Direktør, Skole- og Kulturforvaltningen', 'topAdministration', 'municipality'),
        seat(
          'sg',
          'Direktør, Familie- og Beskæftigelsesforvaltningen',
          'topAdministration',
          'municipality',
          'chair',
        ),
        seat('sg', 'Direktør, boligorganisation', 'topAdministration', 'housingOrganisation'),
        seat('sg', 'Direktør, Sundheds- og Kulturforvaltningen', 'topAdministration', 'municipality'),
        seat('sg', 'Boligchef', 'middleManagement', 'housingOrganisation'),
        seat('sg', 'Projektleder', 'projectStaff', 'housingOrganisation', 'secretary'),
        resident('sg', 'Formand for afdelingsbestyrelsen', 'observer'),
        professional('og', 'Skoleleder', 'school', 'chair'),
        professional('og', 'Daginstitutionsleder', 'dayCare'),
        professional('og', 'Afdelingsleder, jobcenter', 'jobCentre'),
        seat('og', 'Driftschef', 'middleManagement', 'housingOrganisation'),
        seat('og', 'Områdeleder, Familieafdelingen', 'middleManagement', 'municipality'),
        resident('wg-children', 'Medlem af afdelingsbestyrelsen'),
        seat(
          'wg-children',
          'Projektmedarbejder, børn og unge',
          'projectStaff',
          'housingOrganisation',
          'chair',
        ),
        professional('wg-jobs', 'Jobkonsulent', 'jobCentre'),
        seat('wg-jobs', 'Projektmedarbejder, beskæftigelse', 'projectStaff', 'housingOrganisation', 'chair'),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder, børn og unge', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder, beskæftigelse', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder, sundhed', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder, beboernetværk', 'housingOrganisation', 37, 'executing'),
        staff('Kommunikationsmedarbejder', 'housingOrganisation', 30, 'both'),
      ],
    },
  },
  {
    area: 'Akacieparken',
    organisation: {
      forums: [
        steeringGroup(),
        operationsGroup('sg'),
        secretariat('sg', 'joint'),
        forum('wg', 'workingGroup', 'operational', false, 'ps', { name: 'Lektiecafé' }),
      ],
      members: [
        seat('sg', 'Kontorchef, Børne- og Ungdomsforvaltningen', 'middleManagement', 'municipality', 'chair'),
        seat('sg', 'Boligchef', 'middleManagement', 'housingOrganisation'),
        professional('sg', 'Skoleleder', 'school'),
        professional('sg', 'Daginstitutionsleder', 'dayCare'),
        professional('sg', 'Leder af fritidsklub', 'other'),
        resident('sg', 'Formand for afdelingsbestyrelsen'),
        professional('og', 'SSP-konsulent', 'other', 'chair'),
        professional('og', 'Nærpolitiet', 'police'),
        professional('og', 'Bibliotekar', 'library'),
        resident('og', 'Medlem af afdelingsbestyrelsen'),
        seat('wg', 'Frivillig lektiehjælper', 'volunteer', null),
        resident('wg', 'Beboer', 'member', 'resident'),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder', 'housingOrganisation', 30, 'executing'),
        staff('Familierådgiver, udlånt fra kommunen', 'municipality', 18.5, 'executing'),
      ],
    },
  },
  {
    area: 'Albertslund Nord',
    organisation: {
      forums: [
        steeringGroup(),
        secretariat('sg', 'joint'),
        forum('wg-health', 'workingGroup', 'operational', false, 'ps', { name: 'Sundhed' }),
        forum('wg-youth', 'workingGroup', 'operational', false, 'ps', { name: 'Unge' }),
      ],
      members: [
        seat('sg', 'Borgmester', 'political', 'municipality', 'chair'),
        seat('sg', 'Direktør, boligorganisation', 'topAdministration', 'housingOrganisation'),
        seat('sg', 'Direktør, Børn og Unge', 'topAdministration', 'municipality'),
        resident('sg', 'Formand for afdelingsbestyrelsen'),
        seat('sg', 'Leder af områdesekretariatet', 'middleManagement', 'other'),
        seat('wg-health', 'Sundhedsplejerske', 'localProfessional', 'municipality', 'member', 'other'),
        seat('wg-health', 'Projektmedarbejder', 'projectStaff', 'housingOrganisation', 'chair'),
        seat('wg-youth', 'Ungdomsskolekonsulent', 'localProfessional', 'municipality', 'member', 'school'),
        seat('wg-youth', 'Kommunal projektmedarbejder', 'projectStaff', 'municipality', 'chair'),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Kommunal projektmedarbejder', 'municipality', 37, 'executing'),
        staff('Kommunal koordinator', 'municipality', 18.5, 'both'),
      ],
    },
  },
  {
    area: 'Bispehaven',
    organisation: {
      forums: [
        steeringGroup(),
        operationsGroup('sg'),
        secretariat('sg', 'parallel'),
        forum('wg', 'workingGroup', 'operational', false, 'ps', { name: 'Fællesarrangementer' }),
        forum('rf', 'residentForum', 'operational', false, 'ps', { name: 'Beboerforum' }),
      ],
      members: [
        seat('sg', 'Direktør, boligorganisation', 'topAdministration', 'housingOrganisation', 'chair'),
        seat('sg', 'Rådmand', 'political', 'municipality'),
        seat('sg', 'Direktør, Sociale Forhold og Beskæftigelse', 'topAdministration', 'municipality'),
        seat('sg', 'Direktør, Børn og Unge', 'topAdministration', 'municipality'),
        seat('sg', 'Leder af områdesekretariatet', 'middleManagement', 'other'),
        seat('sg', 'Boligchef', 'middleManagement', 'housingOrganisation'),
        seat('og', 'Driftschef', 'middleManagement', 'housingOrganisation', 'chair'),
        professional('og', 'Skoleleder', 'school'),
        professional('og', 'Nærpolitiet', 'police'),
        resident('wg', 'Medlem af afdelingsbestyrelsen', 'chair'),
        resident('wg', 'Beboer', 'member', 'resident'),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Kommunal koordinator', 'municipality', 37, 'coordinating'),
        staff('Kommunal gadeplansmedarbejder', 'municipality', 37, 'executing'),
      ],
    },
  },
  {
    area: 'Brønderslev',
    organisation: {
      forums: [steeringGroup(), secretariat('sg')],
      members: [
        resident('sg', 'Formand for afdelingsbestyrelsen', 'chair'),
        resident('sg', 'Medlem af afdelingsbestyrelsen'),
        resident('sg', 'Beboer', 'member', 'resident'),
        seat('sg', 'Boligchef', 'middleManagement', 'housingOrganisation'),
        seat('sg', 'Kommunal konsulent', 'middleManagement', 'municipality'),
        professional('sg', 'Skoleleder', 'school'),
      ],
      staff: [staff('Boligsocial koordinator', 'housingOrganisation', 37, 'both')],
    },
  },
  {
    area: 'Charlottekvarteret',
    organisation: {
      forums: [steeringGroup(), secretariat('sg', 'parallel'), operationsGroup('ps', false, 'operational')],
      members: [
        seat('sg', 'Direktør, boligorganisation', 'topAdministration', 'housingOrganisation', 'chair'),
        seat('sg', 'Kontorchef, Børn og Familie', 'middleManagement', 'municipality'),
        professional('sg', 'Skoleleder', 'school'),
        professional('sg', 'Daginstitutionsleder', 'dayCare'),
        professional('sg', 'Leder af sundhedsplejen', 'other'),
        resident('sg', 'Formand for afdelingsbestyrelsen'),
        seat('og', 'Driftsleder', 'middleManagement', 'housingOrganisation', 'chair'),
        seat('og', 'Ejendomsfunktionær', 'middleManagement', 'housingOrganisation'),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Beskæftigelseskonsulent, kommunen', 'municipality', 37, 'executing'),
      ],
    },
  },
  {
    area: 'Finlandsparken',
    organisation: {
      forums: [
        steeringGroup(),
        operationsGroup('sg'),
        secretariat('sg', 'joint'),
        forum('wg', 'workingGroup', 'operational', false, 'ps', { name: 'Beboernetværk' }),
      ],
      members: [
        resident('sg', 'Formand for afdelingsbestyrelsen', 'chair'),
        resident('sg', 'Medlem af afdelingsbestyrelsen'),
        resident('sg', 'Medlem af afdelingsbestyrelsen'),
        resident('sg', 'Beboerrepræsentant', 'member', 'resident'),
        seat('sg', 'Direktør, boligorganisation', 'topAdministration', 'housingOrganisation'),
        seat('sg', 'Chef, Børn og Familie', 'middleManagement', 'municipality'),
        professional('sg', 'Skoleleder', 'school'),
        seat('og', 'Driftsleder', 'middleManagement', 'housingOrganisation', 'chair'),
        resident('og', 'Medlem af afdelingsbestyrelsen'),
        professional('og', 'Daginstitutionsleder', 'dayCare'),
        resident('wg', 'Beboer', 'chair', 'resident'),
        seat('wg', 'Frivillig', 'volunteer', null),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder', 'housingOrganisation', 30, 'executing'),
        staff('Kommunal medarbejder, udlånt', 'municipality', 20, 'executing'),
      ],
    },
  },
  {
    area: 'Høje Kolstrup',
    organisation: {
      forums: [
        steeringGroup(),
        operationsGroup('sg'),
        secretariat('sg'),
        forum('wg', 'workingGroup', 'operational', false, 'ps', { name: 'Børn og unge' }),
      ],
      members: [
        seat('sg', 'Chef, Børn og Familie', 'middleManagement', 'municipality', 'chair'),
        seat('sg', 'Boligchef', 'middleManagement', 'housingOrganisation'),
        professional('sg', 'Skoleleder', 'school'),
        professional('sg', 'Daginstitutionsleder', 'dayCare'),
        professional('sg', 'Leder af ungdomsskolen', 'school'),
        professional('sg', 'Afdelingsleder, jobcenter', 'jobCentre'),
        resident('sg', 'Formand for afdelingsbestyrelsen'),
        seat('og', 'Driftsleder', 'middleManagement', 'housingOrganisation', 'chair'),
        professional('og', 'Nærpolitiet', 'police'),
        resident('og', 'Medlem af afdelingsbestyrelsen'),
        professional('wg', 'Pædagog', 'dayCare'),
        seat('wg', 'Projektmedarbejder', 'projectStaff', 'housingOrganisation', 'chair'),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder, børn og unge', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder, beskæftigelse', 'housingOrganisation', 30, 'executing'),
        staff('Projektmedarbejder, beboernetværk', 'housingOrganisation', 25, 'both'),
      ],
    },
  },
  {
    area: 'Påskeløkken',
    organisation: {
      forums: [
        steeringGroup(),
        secretariat('sg'),
        forum('rf', 'residentForum', 'operational', false, 'sg', { name: 'Beboermøde' }),
      ],
      members: [
        resident('sg', 'Formand for afdelingsbestyrelsen', 'chair'),
        resident('sg', 'Medlem af afdelingsbestyrelsen'),
        resident('sg', 'Beboer', 'member', 'resident'),
        seat('sg', 'Kundechef, boligorganisation', 'middleManagement', 'housingOrganisation'),
        seat('sg', 'Kommunal konsulent', 'middleManagement', 'municipality'),
        resident('rf', 'Beboer', 'member', 'resident'),
      ],
      staff: [
        staff('Boligsocial medarbejder', 'housingOrganisation', 30, 'both'),
        staff('Studentermedhjælper', 'housingOrganisation', 7.4, 'executing'),
      ],
    },
  },
  {
    area: 'Randers Nordby',
    organisation: {
      forums: [
        board(),
        steeringGroup('board'),
        operationsGroup('sg'),
        secretariat('sg'),
        forum('wg', 'workingGroup', 'operational', false, 'ps', { name: 'Trivsel og tryghed' }),
      ],
      members: [
        seat('board', 'Borgmester', 'political', 'municipality', 'chair'),
        seat('board', 'Kommunaldirektør', 'topAdministration', 'municipality'),
        seat('board', 'Direktør, boligorganisation A', 'topAdministration', 'housingOrganisation'),
        seat('board', 'Direktør, boligorganisation B', 'topAdministration', 'housingOrganisation'),
        seat('board', 'Politidirektør', 'topAdministration', 'other'),
        seat('sg', 'Direktør, Børn og Skole', 'topAdministration', 'municipality', 'chair'),
        seat('sg', 'Direktør, boligorganisation A', 'topAdministration', 'housingOrganisation'),
        seat('sg', 'Boligchef', 'middleManagement', 'housingOrganisation'),
        seat('sg', 'Leder, Beskæftigelse', 'middleManagement', 'municipality'),
        resident('sg', 'Formand for afdelingsbestyrelsen', 'observer'),
        seat('og', 'Driftschef', 'middleManagement', 'housingOrganisation', 'chair'),
        professional('og', 'Skoleleder', 'school'),
        professional('og', 'SSP-konsulent', 'other'),
        resident('wg', 'Medlem af afdelingsbestyrelsen'),
        resident('wg', 'Medlem af afdelingsbestyrelsen'),
        seat('wg', 'Projektmedarbejder', 'projectStaff', 'housingOrganisation', 'chair'),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('SSP-medarbejder, kommunen', 'municipality', 18.5, 'executing'),
      ],
    },
  },
  {
    area: 'Solbjerg Have og Søndermarken',
    organisation: {
      forums: [steeringGroup(), secretariat('sg')],
      members: [
        seat('sg', 'Direktør, boligorganisation', 'topAdministration', 'housingOrganisation', 'chair'),
        seat(
          'sg',
          'Direktør, Social-, Arbejdsmarkeds- og Sundhedsforvaltningen',
          'topAdministration',
          'municipality',
        ),
        seat('sg', 'Kontorchef, kommunen', 'middleManagement', 'municipality'),
        seat('sg', 'Boligchef', 'middleManagement', 'housingOrganisation'),
        seat('sg', 'Projektkoordinator', 'projectStaff', 'housingOrganisation', 'secretary'),
      ],
      staff: [staff('Projektkoordinator', 'housingOrganisation', 37, 'coordinating')],
    },
  },
  {
    area: 'Viby Syd',
    organisation: {
      forums: [steeringGroup(), secretariat('sg', 'joint'), operationsGroup('ps', false, 'operational')],
      members: [
        seat('sg', 'Rådmand', 'political', 'municipality', 'chair'),
        seat('sg', 'Direktør, boligorganisation', 'topAdministration', 'housingOrganisation'),
        seat('sg', 'Direktør, Sociale Forhold og Beskæftigelse', 'topAdministration', 'municipality'),
        seat('sg', 'Leder af områdesekretariatet', 'middleManagement', 'other'),
        seat('og', 'Driftsleder', 'middleManagement', 'housingOrganisation', 'chair'),
        resident('og', 'Medlem af afdelingsbestyrelsen'),
        professional('og', 'Skoleleder', 'school'),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Kommunal projektmedarbejder', 'municipality', 37, 'executing'),
        staff('Kommunal projektmedarbejder', 'municipality', 30, 'both'),
      ],
    },
  },
  {
    area: 'Vollsmose',
    organisation: {
      forums: [
        board(),
        steeringGroup('board'),
        operationsGroup('sg'),
        secretariat('sg'),
        forum('wg-children', 'workingGroup', 'operational', false, 'ps', { name: 'Børn og unge' }),
        forum('wg-jobs', 'workingGroup', 'operational', false, 'ps', { name: 'Beskæftigelse og uddannelse' }),
        forum('wg-health', 'workingGroup', 'operational', false, 'ps', { name: 'Sundhed' }),
      ],
      members: [
        seat('board', 'Borgmester', 'political', 'municipality', 'chair'),
        seat('board', 'Rådmand', 'political', 'municipality'),
        seat('board', 'Direktør, boligorganisation A', 'topAdministration', 'housingOrganisation'),
        seat('board', 'Direktør, boligorganisation B', 'topAdministration', 'housingOrganisation'),
        seat('board', 'Direktør, boligorganisation C', 'topAdministration', 'housingOrganisation'),
        resident('board', 'Formand for afdelingsbestyrelsernes fællesråd'),
        seat('sg', 'Direktør, Børn og Unge', 'topAdministration', 'municipality', 'chair'),
        seat('sg', 'Direktør, Beskæftigelse', 'topAdministration', 'municipality'),
        seat('sg', 'Boligchef, boligorganisation A', 'middleManagement', 'housingOrganisation'),
        seat('sg', 'Boligchef, boligorganisation B', 'middleManagement', 'housingOrganisation'),
        resident('sg', 'Formand for afdelingsbestyrelsen'),
        professional('og', 'Skoleleder', 'school', 'chair'),
        professional('og', 'Daginstitutionsleder', 'dayCare'),
        professional('og', 'Nærpolitiet', 'police'),
        seat('og', 'Driftsleder', 'middleManagement', 'housingOrganisation'),
        seat(
          'wg-children',
          'Projektmedarbejder, børn og unge',
          'projectStaff',
          'housingOrganisation',
          'chair',
        ),
        seat('wg-jobs', 'Projektmedarbejder, beskæftigelse', 'projectStaff', 'housingOrganisation', 'chair'),
        professional('wg-jobs', 'Jobkonsulent', 'jobCentre'),
        seat('wg-health', 'Projektmedarbejder, sundhed', 'projectStaff', 'housingOrganisation', 'chair'),
        resident('wg-health', 'Beboer', 'member', 'resident'),
      ],
      staff: [
        staff('Projektleder', 'housingOrganisation', 37, 'coordinating'),
        staff('Koordinator, børn og unge', 'housingOrganisation', 37, 'coordinating'),
        staff('Koordinator, beskæftigelse', 'housingOrganisation', 37, 'coordinating'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 37, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 30, 'executing'),
        staff('Projektmedarbejder', 'housingOrganisation', 30, 'both'),
        staff('Kommunal beskæftigelseskonsulent', 'municipality', 37, 'executing'),
      ],
    },
  },
];
