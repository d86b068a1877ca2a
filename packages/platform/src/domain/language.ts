import { registerEnumType } from 'type-graphql';

/** The organisation serves members in English and French. */
export enum Language {
  EN = 'EN',
  FR = 'FR',
}

registerEnumType(Language, { name: 'Language', description: 'English or French' });
