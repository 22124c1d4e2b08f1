// How each kind of record is edited and listed: the fields of its form, in order.
// The values themselves (and their defaults) belong to the Rust types; this only says
// how to present them.
import type { CaseStudyKind } from './bindings/CaseStudyKind';
import type { Direction } from './bindings/Direction';
import type { CoverLetter } from './bindings/CoverLetter';
import type { DocumentFormat } from './bindings/DocumentFormat';
import type { EntityKind } from './bindings/EntityKind';
import type { FileType } from './bindings/FileType';
import type { LinkKind } from './bindings/LinkKind';
import type { MetricCategory } from './bindings/MetricCategory';
import type { Paper } from './bindings/Paper';
import type { RecommendationTheme } from './bindings/RecommendationTheme';
import type { Record } from './bindings/Record';
import type { Relationship } from './bindings/Relationship';
import type { Section } from './bindings/Section';
import type { SkillArea } from './bindings/SkillArea';
import type { TechnologyCategory } from './bindings/TechnologyCategory';
import type { WritingKind } from './bindings/WritingKind';
import { period } from './format';

export type Option<V extends string | number = string> = { value: V; label: string };

/** A record's own field names: a key no record has is a type error. */
type Key<T> = Extract<keyof T, string>;

/** One field of a form, over the record `T` it edits. */
export type Field<T = { [key: string]: unknown }> =
  | { key: Key<T>; label: string; type: 'text' | 'url' | 'email'; hint?: string; required?: boolean; wide?: boolean }
  | { key: Key<T>; label: string; type: 'markdown'; hint?: string; rows?: number }
  | { key: Key<T>; label: string; type: 'textarea'; hint?: string; rows?: number; placeholder?: string }
  | { key: Key<T>; label: string; type: 'date'; hint?: string }
  | { key: Key<T>; label: string; type: 'number'; min?: number; max?: number }
  | { key: Key<T>; label: string; type: 'select'; options: Option<string | number>[] }
  | { key: Key<T>; label: string; type: 'chips'; options: Option[] }
  | { key: Key<T>; label: string; type: 'checkbox'; hint?: string }
  | { key: Key<T>; label: string; type: 'lines'; hint?: string }
  | { key: Key<T>; label: string; type: 'case-study' }
  | { key: Key<T>; label: string; type: 'case-studies'; hint?: string };

/** The record a kind stores: `ItemOf<'skill'>` is `Skill`. */
export type ItemOf<K extends EntityKind> = Extract<Record, { kind: K }>['item'];

/**
 * The options of a select over one of the Rust enums, in the order written here. The
 * labels are a map over every variant the bindings know, so a variant added in Rust and
 * not named here fails `svelte-check`.
 */
export function options<V extends string>(labels: { readonly [K in V]: string }): Option<V>[] {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}

/** A skill's level, named as a skills matrix names it (the model keeps 1–5). */
export const SKILL_LEVELS: Option<number>[] = [
  { value: 1, label: '1 · Aware' },
  { value: 2, label: '2 · Working knowledge' },
  { value: 3, label: '3 · Practitioner' },
  { value: 4, label: '4 · Advanced' },
  { value: 5, label: '5 · Expert' },
];

/** "Practitioner (3)", for lists. */
export function levelName(level: number): string {
  const named = SKILL_LEVELS.find((o) => o.value === level)?.label.split(' · ')[1];
  return named ? `${named} (${level})` : `Level ${level}`;
}

export const RELATIONSHIPS = options<Relationship>({
  manager: 'Manager',
  peer: 'Peer',
  'direct-report': 'Direct report',
  mentee: 'Mentee',
  stakeholder: 'Stakeholder',
  client: 'Client',
});

export const RECOMMENDATION_THEMES = options<RecommendationTheme>({
  mentorship: 'Mentorship',
  collaboration: 'Collaboration',
  leadership: 'Leadership',
  'technical-excellence': 'Technical excellence',
  delivery: 'Delivery',
});

export const CASE_STUDY_KINDS = options<CaseStudyKind>({
  architecture: 'Architecture',
  'technical-challenge': 'Technical challenge',
  'process-improvement': 'Process improvement',
  mentorship: 'Mentorship',
  migration: 'Migration',
  'incident-response': 'Incident response',
  other: 'Other',
});

export const SKILL_AREAS = options<SkillArea>({
  foundational: 'Foundational',
  'advanced-technical': 'Advanced technical',
  'leadership-communication': 'Leadership & communication',
  'tools-workflow': 'Tools & workflow',
});

export const TECHNOLOGY_CATEGORIES = options<TechnologyCategory>({
  language: 'Language',
  cloud: 'Cloud',
  framework: 'Framework',
  database: 'Database',
  practice: 'Practice',
  tool: 'Tool',
});

export const METRIC_CATEGORIES = options<MetricCategory>({
  performance: 'Performance',
  delivery: 'Delivery',
  quality: 'Quality',
  reliability: 'Reliability',
  cost: 'Cost',
  team: 'Team',
  business: 'Business',
});

export const DIRECTIONS = options<Direction>({
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
});

export const WRITING_KINDS = options<WritingKind>({
  post: 'Post',
  talk: 'Talk',
  paper: 'Paper',
  'open-source': 'Open source',
});

export const LINK_KINDS = options<LinkKind>({
  linkedin: 'LinkedIn',
  github: 'GitHub',
  blog: 'Blog',
  website: 'Website',
  other: 'Other',
});

export const PAPERS = options<Paper>({ a4: 'A4', letter: 'US Letter' });

/** The two kinds of export, with what each holds (shown as the option's tooltip). */
export const FORMATS = options<DocumentFormat>({
  portfolio: 'Portfolio',
  resume: 'Résumé',
  letter: 'Cover letter',
  bundle: 'Application bundle',
});
export const FORMAT_DETAILS: { readonly [K in DocumentFormat]: string } = {
  portfolio: 'The résumé, then every case study in full',
  resume: 'Experience first, at most two pages',
  letter: 'The cover letter, on one page under your letterhead',
  bundle: 'The cover letter, the résumé, then the case studies, in one file',
};

/** The types of file an export writes: a name for the button, one for the save dialog's filter. */
export const FILE_TYPES: { readonly [K in FileType]: { label: string; filter: string } } = {
  pdf: { label: 'PDF', filter: 'PDF document' },
  docx: { label: 'Word', filter: 'Word document' },
  txt: { label: 'Plain text', filter: 'Plain text' },
  md: { label: 'Markdown', filter: 'Markdown' },
};

export const SECTIONS = options<Section>({
  summary: 'Summary',
  'case-studies': 'Case studies',
  recommendations: 'Recommendations',
  skills: 'Skills',
  experience: 'Experience',
  certifications: 'Certifications',
  education: 'Education',
  writing: 'Writing & talks',
});

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

export const FIELDS: { [K in EntityKind]: Field<ItemOf<K>>[] } = {
  'case-study': [
    { key: 'title', label: 'Title', type: 'text', required: true, wide: true },
    { key: 'organisation', label: 'Organisation', type: 'text' },
    { key: 'role', label: 'My role', type: 'text' },
    { key: 'start', label: 'Start', type: 'date', hint: 'YYYY-MM' },
    { key: 'end', label: 'End', type: 'date', hint: 'Empty while ongoing' },
    { key: 'teamSize', label: 'Team size', type: 'number', min: 1 },
    { key: 'kinds', label: 'Kind of work', type: 'chips', options: CASE_STUDY_KINDS },
    { key: 'featured', label: 'Featured', type: 'checkbox', hint: 'Lead with this one' },
    { key: 'summary', label: 'Summary', type: 'markdown', rows: 2, hint: 'One or two sentences' },
    { key: 'context', label: 'Context', type: 'markdown', hint: 'The situation before' },
    { key: 'contribution', label: 'My contribution', type: 'markdown', hint: 'What you did, and how you helped the team succeed' },
    { key: 'outcome', label: 'Outcome', type: 'markdown', hint: 'The impact' },
  ],
  recommendation: [
    { key: 'authorName', label: 'Author', type: 'text', required: true },
    { key: 'authorTitle', label: 'Their title', type: 'text' },
    { key: 'organisation', label: 'Organisation', type: 'text' },
    { key: 'relationship', label: 'Relationship', type: 'select', options: RELATIONSHIPS },
    { key: 'date', label: 'Date', type: 'date', hint: DATE_HINT },
    { key: 'text', label: 'What they said', type: 'markdown' },
    {
      key: 'themes',
      label: 'Speaks to',
      type: 'chips',
      options: RECOMMENDATION_THEMES,
    },
    { key: 'caseStudy', label: 'About the case study', type: 'case-study' },
    { key: 'sourceUrl', label: 'Source', type: 'url' },
    { key: 'consent', label: 'Consent to share', type: 'checkbox', hint: 'Only consented quotes are exported by default' },
  ],
  skill: [
    { key: 'name', label: 'Skill', type: 'text', required: true },
    {
      key: 'area',
      label: 'Area',
      type: 'select',
      options: SKILL_AREAS,
    },
    { key: 'level', label: 'Level', type: 'select', options: SKILL_LEVELS },
    { key: 'years', label: 'Years', type: 'number', min: 0, max: 70 },
    {
      key: 'evidence',
      label: 'Evidenced by',
      type: 'case-studies',
      hint: 'Case studies that name it among their technologies count too',
    },
  ],
  experience: [
    { key: 'title', label: 'Title', type: 'text', required: true },
    { key: 'organisation', label: 'Organisation', type: 'text', required: true },
    { key: 'start', label: 'Start', type: 'date', hint: DATE_HINT },
    { key: 'end', label: 'End', type: 'date', hint: 'Empty while current' },
    { key: 'location', label: 'Location', type: 'text' },
    { key: 'summary', label: 'Summary', type: 'markdown' },
    { key: 'highlights', label: 'Highlights', type: 'lines', hint: 'One per line' },
  ],
  certification: [
    { key: 'name', label: 'Certification', type: 'text', required: true },
    { key: 'issuer', label: 'Issuer', type: 'text' },
    { key: 'date', label: 'Issued', type: 'date', hint: DATE_HINT },
    { key: 'expiry', label: 'Expires', type: 'date', hint: DATE_HINT },
    { key: 'credentialId', label: 'Credential ID', type: 'text' },
    { key: 'url', label: 'Link', type: 'url' },
  ],
  education: [
    { key: 'institution', label: 'Institution', type: 'text', required: true },
    { key: 'degree', label: 'Degree', type: 'text' },
    { key: 'field', label: 'Field', type: 'text' },
    { key: 'start', label: 'Start', type: 'date', hint: DATE_HINT },
    { key: 'end', label: 'End', type: 'date', hint: DATE_HINT },
  ],
  writing: [
    { key: 'title', label: 'Title', type: 'text', required: true },
    {
      key: 'kind',
      label: 'Kind',
      type: 'select',
      options: WRITING_KINDS,
    },
    { key: 'venue', label: 'Venue', type: 'text' },
    { key: 'date', label: 'Date', type: 'date', hint: DATE_HINT },
    { key: 'url', label: 'Link', type: 'url' },
  ],
  edition: [
    { key: 'name', label: 'Edition', type: 'text', required: true },
    { key: 'targetRole', label: 'Target role', type: 'text' },
    { key: 'targetCompany', label: 'Company', type: 'text' },
    { key: 'postingUrl', label: 'Link to the posting', type: 'url' },
    { key: 'notes', label: 'Notes', type: 'markdown', rows: 3 },
  ],
};

/** An edition's cover letter, in the order the page prints it. */
export const LETTER_FIELDS: Field<CoverLetter>[] = [
  { key: 'recipientName', label: 'To', type: 'text', hint: 'The hiring manager, when you know their name' },
  { key: 'recipientTitle', label: 'Their title', type: 'text' },
  { key: 'recipientCompany', label: 'Company', type: 'text', hint: "Empty for the edition's company" },
  { key: 'recipientAddress', label: 'Address', type: 'textarea', rows: 2 },
  { key: 'date', label: 'Date', type: 'date', hint: 'YYYY-MM-DD; empty for the day you export' },
  { key: 'subject', label: 'Subject', type: 'text', wide: true },
  { key: 'salutation', label: 'Salutation', type: 'text' },
  { key: 'body', label: 'Letter', type: 'markdown', rows: 14 },
  { key: 'closing', label: 'Closing', type: 'text' },
  { key: 'signature', label: 'Signature', type: 'text', hint: 'Empty for your name' },
];

/** How the list names a record, and what it says under the name. */
export function describe(record: Record): { title: string; detail: string } {
  switch (record.kind) {
    case 'case-study':
      return {
        title: record.item.title,
        detail: [record.item.organisation, period(record.item.start, record.item.end)].filter(Boolean).join(' · '),
      };
    case 'recommendation':
      return {
        title: record.item.authorName,
        detail: [record.item.authorTitle, record.item.consent ? '' : 'no consent yet'].filter(Boolean).join(' · '),
      };
    case 'skill':
      return { title: record.item.name, detail: levelName(record.item.level) };
    case 'experience':
      return {
        title: record.item.title,
        detail: [record.item.organisation, period(record.item.start, record.item.end)].filter(Boolean).join(' · '),
      };
    case 'certification':
      return { title: record.item.name, detail: record.item.issuer };
    case 'education':
      return { title: record.item.institution, detail: [record.item.degree, record.item.field].filter(Boolean).join(', ') };
    case 'writing':
      return { title: record.item.title, detail: record.item.venue };
    case 'edition':
      return { title: record.item.name, detail: [record.item.targetRole, record.item.targetCompany].filter(Boolean).join(' at ') };
  }
}

export const KIND_NAMES: { [K in EntityKind]: { one: string; many: string; empty: string } } = {
  'case-study': {
    one: 'case study',
    many: 'Case studies',
    empty: 'A case study tells one project you led: the context, the decisions you made and why, and the impact you measured.',
  },
  recommendation: {
    one: 'recommendation',
    many: 'Recommendations',
    empty: 'Quotes from managers, peers and mentees — especially about mentorship and collaboration — make a portfolio credible.',
  },
  skill: { one: 'skill', many: 'Skills', empty: 'Add the skills your case studies show, by area of the skill map.' },
  experience: { one: 'role', many: 'Experience', empty: 'Add the roles you held, newest first.' },
  certification: { one: 'certification', many: 'Certifications', empty: 'Add certifications that matter for the roles you want.' },
  education: { one: 'education', many: 'Education', empty: 'Add degrees and courses.' },
  writing: { one: 'piece', many: 'Writing & talks', empty: 'Posts, talks, papers and open source show how you think in public.' },
  edition: {
    one: 'edition',
    many: 'Editions',
    empty: 'An edition is the portfolio you send to one application: which case studies, in what order, in which look.',
  },
};
