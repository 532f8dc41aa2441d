/** Contract-valid data for rendering elements without a portal. */
import type { Consultation } from '../../src/api/schemas.js';

const day = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

export function consultation(status: Consultation['status'] = 'open', patch: Partial<Consultation> = {}): Consultation {
  const dates = {
    upcoming: [5, 35],
    open: [-10, 20],
    closed: [-40, -3],
    decided: [-90, -45],
  }[status];
  return {
    id: 'fixture-consultation',
    title: { ar: 'مشروع تعليمات المشاركة الإلكترونية', en: 'Draft e-participation instructions' },
    agency: { id: 'modee', name: { ar: 'وزارة الاقتصاد الرقمي والريادة', en: 'Ministry of Digital Economy and Entrepreneurship' }, url: 'https://modee.gov.jo/' },
    kind: 'legislation',
    status,
    opensAt: iso(dates[0]!),
    closesAt: iso(dates[1]!),
    summary: { ar: '<p>ملخص <strong>المشروع</strong>.</p>', en: '<p>Summary of the <strong>draft</strong>.</p>' },
    sections: [
      { id: 'art-1', number: '1', title: { ar: 'التعريفات', en: 'Definitions' }, body: { ar: '<p>نص المادة الأولى.</p>', en: '<p>Text of article one.</p>' } },
      { id: 'art-2', number: '2', title: { ar: 'النطاق', en: 'Scope' }, body: { ar: '<p>نص المادة الثانية.</p>', en: '<p>Text of article two.</p>' } },
    ],
    documents: [
      { title: { ar: 'نص المشروع', en: 'The draft text' }, url: 'https://portal.example/docs/draft.pdf', mediaType: 'application/pdf', sizeBytes: 245_000 },
      { title: { ar: 'الترجمة الإنجليزية', en: 'English translation' }, url: 'https://portal.example/docs/draft-en.pdf', mediaType: 'application/pdf', sizeBytes: 1_200_000, lang: 'en' },
    ],
    impactAssessmentUrl: 'https://portal.example/docs/impact.pdf',
    participation: { comments: 12, participants: 3 },
    commenting: { enabled: true, signInRequired: false, maxLength: 2000, moderation: 'pre', policyVersion: '2024.1' },
    pollIds: [],
    portalUrl: 'https://portal.example/consultations/fixture-consultation',
    ...patch,
  };
}
