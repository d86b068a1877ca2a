import { registerEnumType } from 'type-graphql';

export enum ActivityKind {
  ARTICLE = 'ARTICLE',
  ELEARNING = 'ELEARNING',
  WORKSHOP = 'WORKSHOP',
  WEBINAR = 'WEBINAR',
  PODCAST = 'PODCAST',
  GOOD_PRACTICES_GUIDE = 'GOOD_PRACTICES_GUIDE',
  EBULLETIN = 'EBULLETIN',
}
registerEnumType(ActivityKind, { name: 'ActivityKind', description: 'The form a learning activity takes' });

export enum ContentLanguage {
  EN = 'EN',
  FR = 'FR',
  BOTH = 'BOTH',
}
registerEnumType(ContentLanguage, { name: 'ContentLanguage', description: 'English, French, or offered in both' });
