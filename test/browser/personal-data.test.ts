import { expect } from '@open-wc/testing';
import { findPersonalData } from '../../src/comment-form/personal-data.js';

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

describe('the personal-data check', () => {
  const flagged: [string, string, string][] = [
    ['email', 'للتواصل معي: ahmad.k@example.com مع الشكر', 'ahmad.k@example.com'],
    ['phone', 'رقمي 0791234567 أرجو الاتصال', '0791234567'],
    ['phone', 'اتصلوا على ٠٧٩ ١٢٣ ٤٥٦٧ بعد الظهر', '٠٧٩ ١٢٣ ٤٥٦٧'],
    ['phone', 'Call me on +962 79 123 4567 please', '+962 79 123 4567'],
    ['phone', 'هاتف المكتب 06-5001234', '06-5001234'],
    ['phone', 'جوالي 0551234567 في الرياض', '0551234567'],
    ['phone', 'من السعودية: 00966 55 123 4567', '00966 55 123 4567'],
    ['phone', 'UK office +44 20 7946 0958', '+44 20 7946 0958'],
    ['national-id', 'رقم الهوية ۹۸۷۶۵۴۳۲۱۰', '۹۸۷۶۵۴۳۲۱۰'],
    ['national-id', 'الرقم الوطني 9861234567', '9861234567'],
    ['address', 'أسكن في شارع الملكة رانيا، بناية 12 في عمّان', 'شارع الملكة رانيا، بناية 12'],
    ['address', 'عنواني ص.ب 1234 عمان', 'ص.ب 1234'],
    ['address', 'I live at 12 King Hussein Street, Amman', '12 King Hussein Street'],
  ];
  for (const [kind, text, match] of flagged) {
    it(`finds ${kind} in “${text}”`, () => {
      expect(findPersonalData(text)).to.deep.equal([{ kind, match }]);
    });
  }

  // False alarms we choose not to raise: the numbers a comment on a draft law is full of.
  const clean = [
    'في عام 2025 نصت المادة 12 على أن الميزانية 1,500,000 دينار بزيادة 15%',
    'نُشر المشروع في 19/6/2023 ويُعدَّل لسنة 2024',
    'The draft (Article 7) costs JD 2,000,000 over 2025-2027.',
    'أقترح تعديل الفقرة (ب) من المادة ٥ لتصبح مدة الاستشارة ٣٠ يومًا بدل ١٤ يومًا',
    'Clause 4.2 should allow 10 working days, not 5; see paragraphs 3 and 12.',
  ];
  for (const text of clean) {
    it(`stays quiet on “${text}”`, () => {
      expect(kinds(text)).to.deep.equal([]);
    });
  }

  it('finds several kinds in one comment, in order', () => {
    expect(kinds('راسلوني على sara@example.org أو 0771234567')).to.deep.equal(['email', 'phone']);
  });
});
