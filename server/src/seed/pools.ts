/**
 * Landsbyggefonden's four pools and their focus areas (indsatsområder), as listed in the
 * product's domain notes (source report ch. 2 and the fund's pages). Real facts, not example data.
 */
export interface PoolFact {
  name: string;
  startYear: number;
  endYear: number;
  description: string;
  validFrom: string;
  focusAreas: [da: string, en: string][];
}

export const POOLS: PoolFact[] = [
  {
    name: '2006-2010',
    startYear: 2006,
    endYear: 2010,
    description:
      '2,2 mia. kr. i alt (600 mio. kr. i 2006, 4 × 400 mio. kr. 2007-10); 216 bevillinger til 162 helhedsplaner.',
    validFrom: '2006-01-01',
    focusAreas: [
      ['Børn og unge', 'Children and young people'],
      ['Beskæftigelse og uddannelse', 'Employment and education'],
      ['Beboernetværk og generelle beboeraktiviteter', 'Resident networks and general resident activities'],
      ['Sundhed', 'Health'],
      ['Imagearbejde og kommunikation', 'Image and communication'],
      [
        'Forsøg med udlejningsregler og anvisningsmodeller',
        'Trials with letting rules and allocation models',
      ],
    ],
  },
  {
    name: '2011-2014',
    startYear: 2011,
    endYear: 2014,
    description: '440 mio. kr. om året, op til halvdelen til huslejestøtte.',
    validFrom: '2011-01-01',
    focusAreas: [
      ['Børn, unge og familie', 'Children, young people and families'],
      ['Uddannelse, beskæftigelse og erhverv', 'Education, employment and business'],
      ['Beboernetværk, inddragelse og demokrati', 'Resident networks, involvement and democracy'],
      ['Sundhed', 'Health'],
      ['Udsatte grupper', 'Vulnerable groups'],
      ['Kultur og fritid', 'Culture and leisure'],
      ['Image og kommunikation', 'Image and communication'],
    ],
  },
  {
    name: '2015-2018',
    startYear: 2015,
    endYear: 2018,
    description: '465 mio. kr. om året.',
    validFrom: '2015-01-01',
    focusAreas: [
      ['Tryghed og trivsel', 'Safety and well-being'],
      ['Kriminalpræventiv indsats', 'Crime prevention'],
      ['Uddannelse og beskæftigelse', 'Education and employment'],
      ['Forebyggelse og forældreansvar', 'Prevention and parental responsibility'],
    ],
  },
  {
    name: '2019-2026',
    startYear: 2019,
    endYear: 2026,
    description: '380 mio. kr. om året; indsatser løber fire år.',
    validFrom: '2019-01-01',
    focusAreas: [
      ['Uddannelse og livschancer', 'Education and life chances'],
      ['Beskæftigelse', 'Employment'],
      ['Kriminalitetsforebyggelse', 'Crime prevention'],
      ['Sammenhængskraft og medborgerskab', 'Cohesion and citizenship'],
    ],
  },
];

/** Official municipality numbers (kommunekoder) of the case areas' municipalities. */
export const MUNICIPALITY_CODES: Record<string, number> = {
  'Aalborg Kommune': 851,
  'Københavns Kommune': 101,
  'Albertslund Kommune': 165,
  'Aarhus Kommune': 751,
  'Brønderslev Kommune': 810,
  'Høje-Taastrup Kommune': 169,
  'Vejle Kommune': 630,
  'Aabenraa Kommune': 580,
  'Odense Kommune': 461,
  'Randers Kommune': 730,
  'Frederiksberg Kommune': 147,
};
