import { CATEGORIES, isCategory, isPurpose, PURPOSES } from '@mutual-graph/policy';
import { PROVINCE_NAMES, TYPES_OF_WORK } from '@mutual-graph/domain-codes';
import type { AccessReportEdiQuery, AccessReportQuery, AccessReportRequestQuery } from '../operations.generated.js';

const LANGUAGES: Record<string, string> = { EN: 'English', FR: 'French' };
const CONSENTS: Record<string, string> = {
  COMMUNICATIONS: 'Communications from us',
  EDI_COLLECTION: 'Collecting your equity, diversity and inclusion answers',
  SURVEYS: 'Surveys',
  THIRD_PARTY_DISCLOSURE: 'Disclosure to someone you named',
  FEE_REIMBURSEMENT: 'Confirming your earlier fees to your province’s reimbursement program',
};

/** A code as a person reads it: the graph's names where it has them, the code's own words otherwise. */
export function explain(code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  if (LANGUAGES[code]) return LANGUAGES[code];
  if (PROVINCE_NAMES[code]) return PROVINCE_NAMES[code];
  const work = TYPES_OF_WORK.find((t) => t.code === code);
  if (work) return `${work.label} (${code})`;
  if (isCategory(code)) return CATEGORIES[code];
  if (isPurpose(code)) return PURPOSES[code];
  const words = code.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as text: the report's values are strings, numbers and booleans (anything else would be a bug, shown as JSON rather than `[object Object]`). */
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));
const cell = (value: unknown): string =>
  value === null || value === undefined || value === ''
    ? '—'
    : text(value)
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
const day = (value: string | null | undefined) => (value ? value.slice(0, 10) : '—');
/** Cents as dollars, exactly (integers in, no floating point): 123456 → "1,234.56 $". */
export const dollars = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(cents) / 100);
  return `${sign}${whole.toLocaleString('en-CA')}.${String(Math.abs(cents) % 100).padStart(2, '0')} $`;
};

/** A table under its own label, or the label and "None held." when there is nothing to show. */
function table(headers: string[], rows: unknown[][], label?: string): string[] {
  const title = label ? [`**${label}**`, ''] : [];
  if (rows.length === 0) return [...title, 'None held.', ''];
  return [...title, `| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''];
}

function section(title: string, category: string | null, intro: string): string[] {
  return [`## ${title}`, '', ...(category ? [`*Kind of information: ${explain(category)}.*`, ''] : []), intro, ''];
}

/** Why the Member Support Program identified the member: the figures it used, in words, and what the member wrote about it. */
type Me = NonNullable<AccessReportQuery['me']>;

/** Every observation the member wrote on an identification, whether or not an explanation can be shown. */
const observationsTable = (observations: Me['identificationObservations']) =>
  table(
    ['Written', 'Your observation'],
    observations.map((o) => [day(o.writtenAt), o.text]),
    'Your observations on the identification',
  );

function identificationSection(x: Me['identificationExplanation'], observations: Me['identificationObservations']): string[] {
  if (!x) return ['Member Support Program identification: you have not been identified, or its figures can no longer be worked out.', '', ...observationsTable(observations)];
  return [
    `**Why you were identified (${x.identifiedOn}${x.basis === 'RECOMPUTED_AS_OF_IDENTIFICATION' ? ', figures worked out again as of that day' : ''})**`,
    '',
    x.inPlainWords,
    '',
    ...table(
      ['', ''],
      [
        ['Lookback', `${x.lookbackFrom} to ${x.lookbackTo}`],
        ['Your matters in it', x.matterCount],
        ['Your years of protection', x.memberYears.toFixed(2)],
        ['Peer group', `${explain(x.typeOfWork)}, ${explain(x.peerRegion)}: ${x.peerMembers} members`],
        ['Peer rate (matters per member-year)', x.peerRate.toFixed(4)],
        ['Expected for your years', x.expected.toFixed(2)],
        ['Rate ratio', x.rateRatio === null ? null : x.rateRatio.toFixed(2)],
        ['p-value', x.pValue.toPrecision(3)],
        ['Significance level', x.significanceLevel],
        ['Upper control limit', x.upperControlLimit],
      ],
    ),
    ...table(
      ['Kind', 'Opened'],
      x.matters.map((c) => [explain(c.kind), c.openedOn]),
      'Matters counted',
    ),
    ...observationsTable(observations),
  ];
}

/** The answers of the report's own operations (`AccessReportRequest`, `AccessReport`, `AccessReportEdi`), as generated from their documents. */
export interface AccessReportInput {
  request: Pick<NonNullable<AccessReportRequestQuery['accessReportClearance']>, 'id' | 'receivedOn' | 'dueOn'>;
  member: NonNullable<AccessReportQuery['me']>;
  edi: NonNullable<AccessReportEdiQuery['me']>['edi'];
  preparedOn: string;
}

/** The member's information as one document a person can read, codes explained, with who received it. */
export function renderAccessReport({ request, member: m, edi, preparedOn }: AccessReportInput): string {
  const recipients = new Map<string, { count: number; first: string; last: string; categories: Set<string>; what: Set<string> }>();
  for (const d of m.disclosures) {
    const entry = recipients.get(d.recipient) ?? { count: 0, first: d.disclosedAt, last: d.disclosedAt, categories: new Set(), what: new Set() };
    entry.count += 1;
    if (d.disclosedAt < entry.first) entry.first = d.disclosedAt;
    if (d.disclosedAt > entry.last) entry.last = d.disclosedAt;
    for (const c of d.categories) entry.categories.add(explain(c));
    entry.what.add(d.description);
    recipients.set(d.recipient, entry);
  }
  const lines: string[] = [
    `# Your personal information: ${m.firstName} ${m.lastName}`,
    '',
    `Prepared on ${preparedOn} in answer to your access request of ${request.receivedOn} (reference ${request.id}), due ${request.dueOn}.`,
    'Each section below is one kind of information we hold about you, in full, with our codes written out in words.',
    'Your equity, diversity and inclusion answers, if you gave any, are at the end: we keep and gather them apart from everything else.',
    '',
    ...section('Who you are', 'PROFILE', 'Your name, date of birth, identifiers and language.'),
    ...table(
      ['', ''],
      [
        ['Name', `${m.firstName} ${m.lastName}`],
        ['Date of birth', m.dateOfBirth],
        ['Preferred language', explain(m.preferredLanguage)],
        ['Membership number', m.membershipNumber],
        ['Medical Identification Number for Canada (MINC)', m.minc],
      ],
    ),
    ...section('How we reach you', 'CONTACT', 'Your contact details as we hold them.'),
    ...(m.contact
      ? table(
          ['', ''],
          [
            ['E-mail', m.contact.email],
            ['Telephone', m.contact.phone],
            ['City', m.contact.city],
            ['Province or territory of the mailing address', explain(m.contact.province)],
          ],
        )
      : ['None held.', '']),
    ...section('Your practice and licences', 'PROFESSIONAL', 'Where and how you practise, and your registrations with the Colleges.'),
    ...(m.practice
      ? table(
          ['', ''],
          [
            ['Province or territory of practice', explain(m.practice.province)],
            ['Specialty', explain(m.practice.specialty)],
            ['Type of work', explain(m.practice.typeOfWork)],
          ],
        )
      : ['None held.', '']),
    ...table(
      ['College', 'Registration number'],
      m.collegeRegistrations.map((r) => [`College of ${explain(r.college)}`, r.registrationNumber]),
      'Registrations with the Colleges',
    ),
    ...section('Your membership', 'MEMBERSHIP', `Your membership is ${explain(m.membership.status).toLowerCase()}. Periods of membership decide which care our protection covers.`),
    ...table(
      ['From', 'To', 'Type of work', 'Fee region'],
      m.membership.periods.map((p) => [p.startsOn, p.endsOn ?? 'current', explain(p.typeOfWork), explain(p.feeRegion)]),
      'Periods of membership',
    ),
    ...table(
      ['Changed on', 'From', 'To', 'Recorded'],
      m.membership.history.map((h) => [h.effectiveOn, explain(h.fromStatus), explain(h.toStatus), day(h.recordedAt)]),
      'Changes of status recorded here',
    ),
    ...section(
      'Your fees and payments',
      'FINANCIAL',
      'Each year we billed you for, what you paid, and what we refunded when you left. Of a payment we keep only the amount, the day, the bank’s reference and at most the last four digits of the account.',
    ),
    ...table(
      ['Year', 'Covers', 'Invoiced', 'Issued', 'Privacy policy reminded of', 'Paid', 'Refund on leaving', 'Balance'],
      m.fees.map((f) => [
        f.year,
        `${f.coveredFrom} to ${f.coveredTo}`,
        dollars(f.amountCents),
        f.issuedOn,
        `version ${f.privacyPolicyVersion}`,
        dollars(f.paidCents),
        f.refund ? `${explain(f.refund.reason).toLowerCase()} ${f.refund.leftOn}: ${dollars(f.refund.unusedCents)} not due, ${dollars(f.refund.refundCents)} returned` : null,
        dollars(f.balanceCents),
      ]),
      'Invoices',
    ),
    ...table(
      ['Year', 'Paid on', 'Amount', 'Bank reference', 'Account ending'],
      m.fees.flatMap((f) => f.payments.map((p) => [f.year, p.paidOn, dollars(p.amountCents), p.bankReference, p.accountLast4])),
      'Payments',
    ),
    ...section('Medico-legal assistance', 'MEDICO_LEGAL', 'Matters we assisted you with, and your calls to our advisors.'),
    ...table(
      ['Kind', 'Province', 'Opened', 'Closed', 'Status', 'Outcome', 'Physician advisor', 'Counsel', 'Compensation paid'],
      m.medicoLegalHistory.map((x) => [
        explain(x.kind),
        explain(x.province),
        x.openedOn,
        x.closedOn,
        explain(x.status),
        explain(x.outcome),
        x.physicianAdvisor,
        x.counsel,
        x.compensationPaid ? `${x.compensationPaid.amount} ${x.compensationPaid.currency}` : null,
      ]),
      'Matters',
    ),
    ...table(
      ['Called on', 'Topic', 'Language', 'Minutes', 'Physician advisor', 'Follow-up'],
      m.adviceCalls.map((c) => [c.calledOn, explain(c.topic), explain(c.language), c.durationMinutes, c.physicianAdvisor, c.followUp ? 'yes' : 'no']),
      'Advice calls',
    ),
    ...(m.supportProgram
      ? [
          `Member Support Program: ${explain(m.supportProgram.status).toLowerCase()}, opened ${m.supportProgram.openedOn}${m.supportProgram.closedOn ? `, closed ${m.supportProgram.closedOn}` : ''} (${explain(m.supportProgram.source).toLowerCase()}).`,
          `Contributing factors: ${m.supportProgram.contributingFactors.map(explain).join(', ') || '—'}. Your perspective: ${m.supportProgram.memberPerspective ?? '—'}.`,
          '',
          ...table(
            ['Written', 'By', 'Note'],
            m.supportProgram.notes.map((n) => [day(n.writtenAt), n.author, n.text]),
            'Notes of the program',
          ),
        ]
      : ['Member Support Program: you have not been enrolled.', '']),
    ...identificationSection(m.identificationExplanation, m.identificationObservations),
    ...section('Learning', 'LEARNING', 'Learning you completed with us, events you registered for, and any education plan.'),
    ...table(
      ['Completed on', 'Activity', 'Credits'],
      m.learningRecord.map((c) => [c.completedOn, `${c.activity.title} (${c.activity.code})`, c.credits]),
      'Learning completed',
    ),
    ...table(
      ['Event', 'Starts', 'Registration', 'Registered', 'Cancelled'],
      m.registrations.map((r) => [r.event.activity.title, day(r.event.startsAt), explain(r.status), day(r.registeredAt), day(r.cancelledAt)]),
      'Event registrations',
    ),
    ...(m.educationPlan
      ? table(
          ['Plan item', 'Status', 'Due', 'Completed', 'Outside program'],
          m.educationPlan.items.map((i) => [explain(i.factor), explain(i.status), i.dueOn, i.completedOn, i.externalProgram]),
          'Education plan',
        )
      : ['Education plan: none.', '']),
    ...section('Service surveys', 'SURVEY', 'Surveys we sent you after an advice call or an education event, your answers (1 to 5) and what you wrote, which only you read.'),
    ...table(
      ['Service', 'On', 'Sent', 'Answered', 'Satisfaction', 'Stress before', 'Stress after', 'Your comment'],
      m.serviceSurveys.map((s) => [explain(s.service), s.serviceOn, day(s.sentAt), day(s.answeredAt), s.satisfaction, s.stressBefore, s.stressAfter, s.comment]),
      'Surveys',
    ),
    ...section(
      'Communications',
      'COMMUNICATIONS',
      m.communicationPreferences.consented
        ? `You agreed to receive our communications on ${day(m.communicationPreferences.consentedSince)}.`
        : 'We do not send you communications: you have not agreed to them, or you withdrew.',
    ),
    ...section('Your consents and requests', 'PRIVACY_RECORD', 'Each consent as it stands and every decision you made on it; your privacy requests.'),
    ...table(
      ['Consent to', 'Recipient', 'Status', 'Decisions'],
      m.consents.map((c) => [
        CONSENTS[c.purpose] ?? explain(c.purpose),
        c.recipient,
        explain(c.status),
        c.history.map((h) => `${explain(h.decision).toLowerCase()} ${day(h.recordedAt)} (${explain(h.method).toLowerCase()}, privacy policy ${h.policyVersion})`).join('; '),
      ]),
      'Consents',
    ),
    ...table(
      ['Request', 'Received', 'Due', 'Status', 'Closed', 'Reason declined', 'Deemed refused (not answered in time)', 'Reasons for refusal', 'Your recourse'],
      m.privacyRequests.map((r) => [
        explain(r.kind),
        r.receivedOn,
        r.dueOn,
        explain(r.status),
        r.closedOn,
        explain(r.declineReason),
        r.deemedRefusedOn ? `${r.deemedRefusedOn}: you may complain to the Privacy Commissioner of Canada` : null,
        r.refusalReasons,
        r.refusalRecourse,
      ]),
      'Privacy requests',
    ),
    '## Organisations that received your information',
    '',
    recipients.size === 0 ? 'We have not disclosed your information to any organisation.' : 'Each organisation, how many times, when, which kinds of information, and what.',
    '',
    ...(recipients.size === 0
      ? []
      : table(
          ['Organisation', 'Times', 'First', 'Latest', 'Kinds of information', 'What was disclosed'],
          [...recipients.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([who, e]) => [who, e.count, day(e.first), day(e.last), [...e.categories].join('; '), [...e.what].join('; ')]),
        )),
    '## Service providers that may hold your information',
    '',
    m.serviceProviders.length === 0
      ? 'No service provider receives the information of members of your province, nor did within the time we keep it.'
      : 'Organisations that perform a service for us with the information of members of your province (of practice or of your mailing address), now or within the time we keep what they received: what they do, which kinds of information, and where they keep it. Where that is outside your province, we assessed the transfer first.',
    '',
    ...(m.serviceProviders.length === 0
      ? []
      : table(
          ['Organisation', 'Service', 'Kinds of information', 'Where the information is kept', 'Stopped receiving'],
          m.serviceProviders.map((p) => [
            p.name,
            p.service,
            p.categories.map(explain).join('; '),
            p.locations.map((l) => (l.province ? `${explain(l.province)}, ${l.countryName}` : l.countryName)).join('; '),
            p.stoppedReceivingOn ?? 'receives it now',
          ]),
        )),
    ...section(
      'Your equity, diversity and inclusion answers',
      'EDI',
      'Gathered on their own: these answers are never used for membership, eligibility or assistance, and are reported only in aggregate.',
    ),
    ...(edi
      ? table(
          ['', ''],
          [
            ['Gender identity', explain(edi.genderIdentity)],
            ['Indigenous identity', explain(edi.indigenousIdentity)],
            ['Racialized identity', explain(edi.racializedIdentity)],
            ['Disability', explain(edi.disability)],
            ['Sexual orientation', explain(edi.sexualOrientation)],
            ['Answered on', edi.answeredOn],
          ],
        )
      : ['You have given no answers, or they were erased.', '']),
  ];
  return lines.join('\n');
}
