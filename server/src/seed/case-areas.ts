/**
 * The 13 case areas of the process evaluation of Landsbyggefonden's 2006-2010 pool, verbatim from
 * the source report's table 2.1 and the text around it (shared/data/case-areas-2006-2010.csv).
 * These are the only real facts about the areas; everything else in the demo data is invented.
 */
export const CASE_AREAS_CSV = `area,municipality,dwellings,size_band,grant_band_dkk,grant_period_years,area_secretariat_support
Aalborg Øst,Aalborg Kommune,2621,large,over 15 mio.,4,no
Akacieparken,Københavns Kommune,399,small,5-15 mio.,5,no
Albertslund Nord,Albertslund Kommune,504,small,5-15 mio.,5,yes
Bispehaven,Aarhus Kommune,869,medium,5-15 mio.,4,yes
Brønderslev,Brønderslev Kommune,371,small,under 5 mio.,5,no
Charlottekvarteret,Høje-Taastrup Kommune,773,medium,5-15 mio.,5,yes
Finlandsparken,Vejle Kommune,1072,medium,5-15 mio.,5,unclear
Høje Kolstrup,Aabenraa Kommune,985,medium,5-15 mio.,4,no
Påskeløkken,Odense Kommune,168,small,under 5 mio.,4,no
Randers Nordby,Randers Kommune,1337,medium,over 15 mio.,5,no
Solbjerg Have og Søndermarken,Frederiksberg Kommune,762,medium,5-15 mio.,3,no
Viby Syd,Aarhus Kommune,1674,large,5-15 mio.,4,yes
Vollsmose,Odense Kommune,3625,large,over 15 mio.,4,no
`;
