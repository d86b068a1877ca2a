import { registerEnumType } from 'type-graphql';

/** Canada's ten provinces and three territories, by their postal abbreviations. */
export enum Province {
  AB = 'AB', BC = 'BC', MB = 'MB', NB = 'NB', NL = 'NL', NS = 'NS', NT = 'NT',
  NU = 'NU', ON = 'ON', PE = 'PE', QC = 'QC', SK = 'SK', YT = 'YT',
}

registerEnumType(Province, { name: 'Province', description: 'A Canadian province or territory' });
