/** The kinds of medico-legal matter: cases hold them, support suggestions read them. Declared once. */
export const MATTER_KINDS = ['CIVIL_ACTION', 'COLLEGE_COMPLAINT', 'HOSPITAL_COMPLAINT', 'HOSPITAL_PRIVILEGES', 'OTHER'] as const;

export type MatterKindCode = (typeof MATTER_KINDS)[number];
