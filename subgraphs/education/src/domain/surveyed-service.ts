import { registerEnumType } from 'type-graphql';

/** The services a survey asks about (the contract's names). */
export enum SurveyedService {
  ADVICE_CALL = 'ADVICE_CALL',
  EDUCATION_EVENT = 'EDUCATION_EVENT',
}

registerEnumType(SurveyedService, { name: 'SurveyedService', description: 'A service members are surveyed about: a call to a physician advisor, or an education event' });
