/**
 * The reference portal's seed content: the usage policy and four
 * consultations, one in each status, written as a Jordanian ministry would
 * publish them on the unified e-participation portal ("Tawasul").
 *
 * Every date is relative to `now` (the moment the database is first seeded),
 * so the statuses the portal derives from the dates are right whenever it is
 * first started:
 *
 * - `e-participation-instructions`: open (opened 10 days ago, closes in 20),
 *   with comments, an agency reply and two polls;
 * - `digital-services-quality-policy`: upcoming (opens in 7 days);
 * - `plastic-bags-reduction-regulation`: closed 5 days ago, no decision yet;
 * - `open-data-policy-2024`: decided (closed 45 days ago, decision 15 days ago).
 *
 * Document paths point at the small PDF files in `portal/documents/`; their
 * `sizeBytes` are the files' real sizes.
 */
import type { SeedComment, SeedConsultation, SeedData, SeedDocument, SeedPoll } from './seed-types.js';
import type { UsagePolicy } from '../src/api/schemas.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Jordan keeps UTC+3 all year round (since 2022). */
const AMMAN_OFFSET = 3 * HOUR;

/**
 * A wall-clock time in Amman, `days` calendar days from `now`'s date there,
 * as an ISO 8601 string (UTC, `Z`). Used for opening and closing dates, which
 * agencies set to round times: opening at 09:00, closing at 23:59.
 */
function ammanDay(now: Date, days: number, hour: number, minute = 0): string {
  const local = new Date(now.getTime() + AMMAN_OFFSET);
  const wallClock = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour, minute);
  return new Date(wallClock - AMMAN_OFFSET).toISOString();
}

/** `now` shifted back by `days` (fractions allowed), to the minute: for comments and replies. */
function ago(now: Date, days: number): string {
  const t = now.getTime() - Math.round(days * DAY);
  return new Date(Math.floor(t / MINUTE) * MINUTE).toISOString();
}

/** Seeded votes: each group is a ballot (option ids) and how many people cast it. */
function ballots(...groups: Array<[string[], number]>): string[][] {
  return groups.flatMap(([optionIds, count]) => Array.from({ length: count }, () => [...optionIds]));
}

const POLICY_VERSION = '2024.1';

const MODEE = {
  id: 'modee',
  name: { ar: 'وزارة الاقتصاد الرقمي والريادة', en: 'Ministry of Digital Economy and Entrepreneurship' },
  url: 'https://modee.gov.jo',
};

const MOENV = {
  id: 'moenv',
  name: { ar: 'وزارة البيئة', en: 'Ministry of Environment' },
  url: 'https://www.moenv.gov.jo',
};

const COMMENTING = {
  enabled: true,
  signInRequired: false,
  maxLength: 2000,
  moderation: 'pre' as const,
  policyVersion: POLICY_VERSION,
  displayNameAllowed: true,
};

const PDF = 'application/pdf';

// ---------------------------------------------------------------------------
// The usage policy
// ---------------------------------------------------------------------------

const policy: UsagePolicy = {
  version: POLICY_VERSION,
  updatedAt: '2024-06-02T09:00:00+03:00',
  text: {
    ar: [
      '<p>تنظّم هذه السياسة المشاركة في المشاورات العامة المنشورة على منصة المشاركة الإلكترونية وعلى المواقع الإلكترونية للجهات الحكومية التي تعرض هذه المشاورات. ويُعدّ إرسال أي تعليق إقراراً بالاطلاع على هذه السياسة والالتزام بها.</p>',
      '<h3>شروط المشاركة</h3>',
      '<ul>',
      '<li>الالتزام بالقوانين والأنظمة النافذة في المملكة.</li>',
      '<li>تقديم المشاركة بلغة واضحة، وأن تتسم بالجدية والوضوح والاختصار.</li>',
      '<li>الامتناع عن كتابة أي عبارات مسيئة أو خادشة للحياء، أو تحمل إساءة للأشخاص أو الجهات.</li>',
      '<li>عدم نشر البيانات الشخصية كالأسماء وبيانات الاتصال والعناوين، سواء أكانت للمشارك أم لغيره.</li>',
      '<li>ألا تتسبب المشاركة في انتهاك أي حقوق قانونية أو حقوق ملكية فكرية.</li>',
      '<li>الالتزام بموضوع المشاورة، واحترام حرية الآخرين في التعبير عن آرائهم، والتعامل مع وجهات النظر المختلفة بوصفها فرصة للتفكير من منظور جديد.</li>',
      '</ul>',
      '<h3>الإشراف على التعليقات</h3>',
      '<p>تراجع الجهة المسؤولة عن المشاورة التعليقات قبل نشرها، ويُرفض نشر التعليق أو يُحذف إذا كان:</p>',
      '<ul>',
      '<li>يمثّل تهديداً للأمن أو للخصوصية؛</li>',
      '<li>يتضمن لغة غير لائقة أو مسيئة؛</li>',
      '<li>ينتهك خصوصية الآخرين؛</li>',
      '<li>يخالف القوانين والأنظمة النافذة؛</li>',
      '<li>تحريضياً أو خادشاً للحياء أو مبتذلاً؛</li>',
      '<li>يتضمن رسائل غير مرغوب فيها أو ترويجاً للأعمال التجارية؛</li>',
      '<li>عنصرياً أو متحيزاً أو متحاملاً على أساس العرق أو الدين؛</li>',
      '<li>ينطوي على دعاية حزبية أو حملات سياسية؛</li>',
      '<li>خارجاً عن موضوع المشاورة.</li>',
      '</ul>',
      '<p>لا يُرفض أي تعليق بسبب نقده لمضمون المشاورة ما دام ملتزماً بهذه السياسة.</p>',
      '<h3>الإبلاغ عن تعليق</h3>',
      '<p>إذا وجدت تعليقاً منشوراً يخالف هذه السياسة، فاستخدم زر «إبلاغ» المرافق له واختر سبب الإبلاغ. تراجع الجهة المسؤولة البلاغ، وتحذف التعليق إن كان قد نُشر سهواً.</p>',
      '<h3>بياناتك</h3>',
      '<p>لا يُنشر مع تعليقك إلا الاسم الظاهر الذي تختاره، إن وُجد، وفئة أصحاب المصلحة التي تمثلها. لا تكتب في نص التعليق أو في الاسم الظاهر أي بيانات شخصية.</p>',
      '<h3>الاستفسارات والمقترحات</h3>',
      '<p>لأي استفسار أو مقترح حول هذه السياسة أو حول المشاورات، يُرجى مراسلتنا على العنوان <a href="mailto:participation@example.jo">participation@example.jo</a>.</p>',
      '<h3>تعديل السياسة</h3>',
      '<p>قد تُعدَّل هذه السياسة من وقت لآخر، ويُبيَّن رقم إصدارها وتاريخه. وعند تعديلها يُطلب منك الاطلاع على الإصدار الجديد والموافقة عليه قبل إرسال تعليقك التالي.</p>',
    ].join('\n'),
    en: [
      '<p>This policy governs taking part in the public consultations published on the e-participation portal and on the websites of the government bodies that show them. By sending a comment you confirm that you have read this policy and agree to follow it.</p>',
      '<h3>Conditions for taking part</h3>',
      '<ul>',
      '<li>Respect the laws and regulations in force in the Kingdom.</li>',
      '<li>Write in clear language; keep your contribution serious, clear and brief.</li>',
      '<li>Do not use offensive or indecent words, and do not insult people or organisations.</li>',
      '<li>Do not publish personal data such as names, contact details or addresses, whether your own or anyone else’s.</li>',
      '<li>Do not infringe any legal rights or intellectual property rights.</li>',
      '<li>Stay on the topic of the consultation, respect other people’s freedom to express their views, and treat different points of view as a chance to think from a new angle.</li>',
      '</ul>',
      '<h3>Comment moderation</h3>',
      '<p>The body running the consultation reviews comments before they are published. A comment is not published, or is removed, if it:</p>',
      '<ul>',
      '<li>threatens security or privacy;</li>',
      '<li>contains inappropriate or offensive language;</li>',
      '<li>violates the privacy of others;</li>',
      '<li>breaks the laws and regulations in force;</li>',
      '<li>is inciting, indecent or vulgar;</li>',
      '<li>is spam or commercial promotion;</li>',
      '<li>is racist, biased or prejudiced on grounds of race or religion;</li>',
      '<li>involves partisan or political campaigning;</li>',
      '<li>is off the topic of the consultation.</li>',
      '</ul>',
      '<p>No comment is rejected for criticising the consultation’s content, as long as it follows this policy.</p>',
      '<h3>Reporting a comment</h3>',
      '<p>If you see a published comment that breaks this policy, use the “Report” button next to it and choose a reason. The responsible body reviews the report and removes the comment if it was published by mistake.</p>',
      '<h3>Your data</h3>',
      '<p>Only the display name you choose, if any, and the stakeholder group you represent are published with your comment. Do not put personal data in the comment or in the display name.</p>',
      '<h3>Questions and suggestions</h3>',
      '<p>For questions or suggestions about this policy or the consultations, write to <a href="mailto:participation@example.jo">participation@example.jo</a>.</p>',
      '<h3>Changes to this policy</h3>',
      '<p>This policy may change from time to time; its version number and date are shown with it. When it changes, you will be asked to read and accept the new version before you send your next comment.</p>',
    ].join('\n'),
  },
  rules: [
    {
      ar: 'ألتزم بالقوانين والأنظمة النافذة في المملكة.',
      en: 'I respect the laws and regulations in force.',
    },
    {
      ar: 'أكتب بوضوح وجدية وإيجاز، وألتزم بموضوع المشاورة.',
      en: 'I write clearly, seriously and briefly, and stay on topic.',
    },
    {
      ar: 'لا أستخدم عبارات مسيئة أو خادشة للحياء، ولا أسيء إلى الأشخاص أو الجهات.',
      en: 'I use no offensive or indecent words and insult no person or organisation.',
    },
    {
      ar: 'لا أنشر بيانات شخصية كالأسماء وأرقام الهواتف والعناوين، لي أو لغيري.',
      en: 'I publish no personal data such as names, phone numbers or addresses, mine or anyone else’s.',
    },
    {
      ar: 'أحترم حقوق الملكية الفكرية وحق الآخرين في التعبير عن آرائهم.',
      en: 'I respect intellectual property and other people’s right to express their views.',
    },
    {
      ar: 'أعلم أن التعليقات تُراجَع قبل نشرها وقد تُحذف إذا خالفت هذه السياسة.',
      en: 'I understand that comments are reviewed before publication and may be removed if they break this policy.',
    },
  ],
  reportReasons: [
    {
      code: 'security_or_privacy',
      label: { ar: 'يمثّل تهديداً للأمن أو للخصوصية', en: 'Threatens security or privacy' },
    },
    {
      code: 'offensive_language',
      label: { ar: 'يتضمن لغة غير لائقة أو مسيئة', en: 'Inappropriate or offensive language' },
    },
    {
      code: 'privacy_of_others',
      label: { ar: 'ينتهك خصوصية الآخرين', en: 'Violates the privacy of others' },
    },
    {
      code: 'unlawful',
      label: { ar: 'يخالف القوانين والأنظمة النافذة', en: 'Breaks the law' },
    },
    {
      code: 'incitement_or_indecency',
      label: { ar: 'تحريضي أو خادش للحياء أو مبتذل', en: 'Inciting, indecent or vulgar' },
    },
    {
      code: 'spam_or_advertising',
      label: { ar: 'رسائل غير مرغوب فيها أو ترويج تجاري', en: 'Spam or commercial promotion' },
    },
    {
      code: 'hate_or_discrimination',
      label: { ar: 'عنصري أو متحيّز على أساس العرق أو الدين', en: 'Racist, or prejudiced on grounds of race or religion' },
    },
    {
      code: 'partisan_campaigning',
      label: { ar: 'دعاية حزبية أو حملات سياسية', en: 'Partisan or political campaigning' },
    },
    {
      code: 'off_topic',
      label: { ar: 'خارج موضوع المشاورة', en: 'Off topic' },
    },
    {
      code: 'other',
      label: { ar: 'سبب آخر', en: 'Other reason' },
    },
  ],
};

// ---------------------------------------------------------------------------
// 1. Open: Draft Instructions for E-Participation, 2025 (MODEE)
// ---------------------------------------------------------------------------

function eParticipationInstructions(now: Date): SeedConsultation {
  const opensAt = ammanDay(now, -10, 9);
  const closesAt = ammanDay(now, 20, 23, 59);

  const documents: SeedDocument[] = [
    {
      title: { ar: 'نص مشروع التعليمات', en: 'Draft text of the Instructions (Arabic)' },
      path: 'documents/draft-instructions-e-participation.pdf',
      mediaType: PDF,
      sizeBytes: 1133,
      lang: 'ar',
    },
    {
      title: { ar: 'المذكرة الإيضاحية (الأسباب الموجبة)', en: 'Explanatory memorandum (Arabic)' },
      path: 'documents/explanatory-memorandum-e-participation.pdf',
      mediaType: PDF,
      sizeBytes: 1078,
      lang: 'ar',
    },
    {
      title: { ar: 'ترجمة غير رسمية إلى اللغة الإنجليزية', en: 'Unofficial English translation' },
      path: 'documents/draft-instructions-e-participation-en.pdf',
      mediaType: PDF,
      sizeBytes: 1105,
      lang: 'en',
    },
  ];

  const comments: SeedComment[] = [
    {
      sectionId: 'art-4',
      displayName: 'سامي',
      stakeholderType: 'individual',
      body:
        'مدة الثلاثين يوماً مناسبة، لكنني أقترح ألا تقل مدة المشاورة في الحالات المستعجلة عن أسبوعين بدلاً من عشرة أيام؛ فكثير من الناس لا يعلمون بالمسودة إلا بعد أيام من نشرها، وعشرة أيام قد تنقضي قبل أن يصلهم خبرها أصلاً.',
      createdAt: ago(now, 9.2),
      status: 'published',
      reply: {
        body: 'شكراً على ملاحظتك. سندرس رفع الحد الأدنى لمدة المشاورة في الحالات المستعجلة إلى (14) يوماً، مع الإبقاء على شرط نشر أسباب الاستعجال مع المسودة.',
        createdAt: ago(now, 7.9),
      },
    },
    {
      sectionId: 'art-5',
      displayName: 'جمعية أهلية للأشخاص ذوي الإعاقة',
      stakeholderType: 'civil_society',
      body:
        'نثمّن النص على حق الأشخاص ذوي الإعاقة وكبار السن في وسائل مشاركة ميسّرة، ونقترح تحديد هذه الوسائل صراحة في المادة: نشر المسودات بصيغة نصية قابلة للقراءة بقارئات الشاشة لا صوراً ممسوحة ضوئياً، وإرفاق ملخص مبسّط بلغة سهلة، وإتاحة تقديم الملاحظات هاتفياً أو بلغة الإشارة لمن يتعذر عليه الكتابة.',
      createdAt: ago(now, 8.6),
      status: 'published',
      reply: {
        body: 'نشكركم على هذا المقترح. سنضيف إلى المادة (5) التزاماً بنشر المسودات بصيغة نصية متوافقة مع قارئات الشاشة مرفقة بملخص مبسّط، وسنبحث مع المجلس الأعلى لحقوق الأشخاص ذوي الإعاقة آلية لتلقي الملاحظات هاتفياً.',
        createdAt: ago(now, 6.8),
      },
    },
    {
      sectionId: 'art-2',
      displayName: 'مركز دراسات جامعي',
      stakeholderType: 'academia',
      body:
        'نقترح إضافة تعريف لعبارة «تقييم الأثر» يحيل إلى الدليل الإرشادي لسياسة تقييم الأثر الصادر عن رئاسة الوزراء، إذ تشير إليه المادة (4) دون أن تعرّفه. كما نقترح توضيح أن «المشاورة» تشمل استطلاعات الرأي والتصويت على الأولويات، لا التعليق على المسودات فحسب.',
      createdAt: ago(now, 7.4),
      status: 'published',
    },
    {
      sectionId: 'art-7',
      displayName: 'شركة تقنية ناشئة',
      stakeholderType: 'private_sector',
      body:
        'نقترح إلزام الجهة الحكومية بأن تنشر مع النص النهائي جدول مقارنة يبيّن المواد التي عُدّلت بعد المشاورة وأسباب تعديلها؛ فذلك يوفر على الشركات وقتاً كبيراً في تتبّع التغييرات، ويعزز الثقة بجدوى المشاركة.',
      createdAt: ago(now, 6.3),
      status: 'published',
    },
    {
      stakeholderType: 'individual',
      body:
        'The draft is a welcome step. Please publish the English translation at the same time as the Arabic text, not later, and let people subscribe to alerts by email or SMS when a consultation opens on a topic or in a governorate they care about.',
      createdAt: ago(now, 5.7),
      status: 'published',
    },
    {
      sectionId: 'art-6',
      displayName: 'ريم',
      stakeholderType: 'individual',
      body:
        'أقترح إضافة حق الاعتراض على رفض التعليق: أن يُبلَّغ صاحب التعليق بسبب رفضه، وأن يتمكن من تعديله وإعادة إرساله، حتى لا يشعر الناس بأن آراءهم تُحجب دون سبب واضح.',
      createdAt: ago(now, 4.9),
      status: 'published',
      reply: {
        body: 'ملاحظة في محلها. ستتضمن الصيغة المعدّلة من المادة (6) إبلاغ المشارك بسبب رفض تعليقه، وإتاحة تعديله وإعادة إرساله خلال مدة المشاورة.',
        createdAt: ago(now, 3.8),
      },
    },
    {
      sectionId: 'art-9',
      displayName: 'ضابط ارتباط في مؤسسة عامة',
      stakeholderType: 'government',
      body:
        'مدة ستة أشهر لتوفيق الأوضاع قد لا تكفي الجهات الصغيرة التي لا تضم وحدة مختصة بالمشاركة أو بالتواصل. نقترح أن تكون المدة سنة كاملة، وأن تسبقها دورات تدريبية لضباط الارتباط على إدارة المشاورات على المنصة.',
      createdAt: ago(now, 4.2),
      status: 'published',
    },
    {
      sectionId: 'art-4',
      displayName: 'ICT company',
      stakeholderType: 'private_sector',
      body:
        'Thirty days is reasonable for most drafts. For regulations that create new compliance costs for businesses we suggest at least 45 days, and that the impact assessment be published together with the draft rather than after the consultation closes.',
      createdAt: ago(now, 3.1),
      status: 'published',
    },
    {
      sectionId: 'art-7',
      displayName: 'مؤسسة مجتمع مدني',
      stakeholderType: 'civil_society',
      body:
        'نقترح أن يتضمن تقرير التغذية الراجعة توزيع المشاركين حسب المحافظة والجنس والفئة العمرية، إلى جانب فئات أصحاب المصلحة، لقياس مدى وصول المشاورات إلى النساء والشباب وسكان المحافظات البعيدة عن العاصمة، دون نشر أي بيانات تكشف هوية المشاركين.',
      createdAt: ago(now, 2.2),
      status: 'published',
    },
    {
      stakeholderType: 'individual',
      body:
        'المسودة خطوة مهمة، لكن نجاحها مرهون بأن يرى المواطن أثر مشاركته؛ فكثيراً ما نكتب ملاحظاتنا ثم لا نعرف ما الذي حدث بها. أرجو أن يكون نشر القرار وتقرير التغذية الراجعة ملزماً فعلاً، وأن يصل إشعار إلى كل من شارك عند نشرهما.',
      createdAt: ago(now, 1.3),
      status: 'published',
    },
    {
      sectionId: 'art-3',
      stakeholderType: 'individual',
      body: 'هل تسري هذه التعليمات على البلديات ومجالس المحافظات، أم على الوزارات والمؤسسات الحكومية فقط؟ أرجو توضيح ذلك في المادة (3).',
      createdAt: ago(now, 0.15),
      status: 'pending',
    },
    {
      stakeholderType: 'private_sector',
      body: 'نقدّم خدمات تصميم المواقع الإلكترونية وتطبيقات الهاتف بأسعار منافسة، تواصلوا معنا عبر صفحتنا لمعرفة العروض الحالية.',
      createdAt: ago(now, 2.6),
      status: 'rejected',
    },
  ];

  const polls: SeedPoll[] = [
    {
      id: 'poll-priorities',
      question: {
        ar: 'ما أهم قناتين بالنسبة إليك للمشاركة في المشاورات الحكومية؟',
        en: 'Which two channels matter most to you for taking part in government consultations?',
      },
      options: [
        { id: 'opt-portal', label: { ar: 'منصة «تواصل» الإلكترونية', en: 'The Tawasul portal website' } },
        { id: 'opt-app', label: { ar: 'تطبيق على الهاتف المحمول', en: 'A mobile app' } },
        { id: 'opt-sms', label: { ar: 'تنبيهات بالرسائل النصية القصيرة', en: 'SMS alerts' } },
        { id: 'opt-social', label: { ar: 'حسابات الجهات على وسائل التواصل الاجتماعي', en: 'Agencies’ social media accounts' } },
        { id: 'opt-meetings', label: { ar: 'جلسات حوارية حضورية في المحافظات', en: 'In-person sessions in the governorates' } },
      ],
      maxChoices: 2,
      opensAt,
      closesAt,
      resultsVisibility: 'after_vote',
      votes: ballots(
        [['opt-portal', 'opt-sms'], 6],
        [['opt-portal', 'opt-app'], 5],
        [['opt-app', 'opt-sms'], 4],
        [['opt-meetings', 'opt-sms'], 3],
        [['opt-social', 'opt-app'], 3],
        [['opt-portal'], 3],
        [['opt-meetings', 'opt-portal'], 2],
        [['opt-social'], 2],
        [['opt-app'], 2],
      ),
    },
    {
      id: 'poll-satisfaction',
      question: {
        ar: 'ما مدى وضوح نصوص مشروع التعليمات بالنسبة إليك؟',
        en: 'How clear is the text of the draft Instructions to you?',
      },
      options: [
        { id: 'opt-very-clear', label: { ar: 'واضحة جداً', en: 'Very clear' } },
        { id: 'opt-clear', label: { ar: 'واضحة', en: 'Clear' } },
        { id: 'opt-partly-clear', label: { ar: 'واضحة إلى حد ما', en: 'Partly clear' } },
        { id: 'opt-unclear', label: { ar: 'غير واضحة', en: 'Not clear' } },
      ],
      maxChoices: 1,
      opensAt,
      closesAt,
      resultsVisibility: 'always',
      votes: ballots([['opt-very-clear'], 4], [['opt-clear'], 8], [['opt-partly-clear'], 6], [['opt-unclear'], 2]),
    },
  ];

  return {
    consultation: {
      id: 'e-participation-instructions',
      title: {
        ar: 'مشروع تعليمات المشاركة الإلكترونية لسنة 2025',
        en: 'Draft Instructions for E-Participation, 2025',
      },
      agency: MODEE,
      kind: 'legislation',
      opensAt,
      closesAt,
      summary: {
        ar: [
          '<p>تطرح وزارة الاقتصاد الرقمي والريادة، بالتعاون مع ديوان التشريع والرأي ووحدة تقييم الأثر في رئاسة الوزراء، مشروع تعليمات المشاركة الإلكترونية لسنة 2025 للتشاور العام، تنفيذاً للالتزام الثاني من الخطة الوطنية الخامسة لمبادرة شراكة الحكومات الشفافة (2021–2025): «تعزيز المشاركة المجتمعية في عملية صنع القرار من خلال الوسائل الإلكترونية».</p>',
          '<p>تهدف التعليمات إلى توحيد ممارسة المشاركة الإلكترونية ومأسستها في الجهات الحكومية من خلال المنصة الحكومية الموحدة للمشاركة الإلكترونية «تواصل»، وتحديد التزامات الجهات الحكومية وحقوق المشاركين في مراحل المشاركة الثلاث: طرح المشاورة، والتمكين من المشاركة فيها، ونشر نتائجها.</p>',
          '<p>ندعو المواطنين والقطاع الخاص ومؤسسات المجتمع المدني والأوساط الأكاديمية والجهات الحكومية إلى إبداء ملاحظاتهم، ولا سيما حول:</p>',
          '<ul>',
          '<li>المدة الدنيا لنشر المسودات على المنصة، والحالات التي يجوز فيها تقصيرها؛</li>',
          '<li>ضمان وصول النساء وكبار السن والأشخاص ذوي الإعاقة إلى المشاورات؛</li>',
          '<li>قواعد الإشراف على التعليقات؛</li>',
          '<li>مضمون تقرير التغذية الراجعة ومدة نشره.</li>',
          '</ul>',
          '<p>يمكنكم التعليق على المسودة كاملة أو على أي مادة منها، والاطلاع على المشاورات الأخرى عبر منصة <a href="https://tawasul.gov.jo">تواصل</a>.</p>',
        ].join('\n'),
        en: [
          '<p>The Ministry of Digital Economy and Entrepreneurship, together with the Legislation and Opinion Bureau and the Prime Ministry’s impact-assessment unit, invites public comment on the draft Instructions for E-Participation, 2025. The draft implements commitment 2 of Jordan’s fifth Open Government Partnership national action plan (2021–2025): “strengthening community participation in decision-making through electronic means”.</p>',
          '<p>The Instructions aim to unify and institutionalise e-participation across government bodies through the unified government e-participation portal, Tawasul, and set out the obligations of government bodies and the rights of participants at each of the three stages of participation: publishing a consultation, enabling people to take part, and publishing the results.</p>',
          '<p>We invite citizens, the private sector, civil society organisations, academia and government bodies to comment, in particular on:</p>',
          '<ul>',
          '<li>the minimum period for publishing drafts on the portal, and when it may be shortened;</li>',
          '<li>making sure women, older people and people with disabilities can take part;</li>',
          '<li>the rules for moderating comments;</li>',
          '<li>what the feedback report should contain and when it is published.</li>',
          '</ul>',
          '<p>You can comment on the whole draft or on any article, and find other consultations on the <a href="https://tawasul.gov.jo">Tawasul portal</a>.</p>',
        ].join('\n'),
      },
      sections: [
        {
          id: 'art-1',
          number: '1',
          title: { ar: 'اسم التعليمات وبدء العمل بها', en: 'Title and entry into force' },
          body: {
            ar: '<p>تُسمّى هذه التعليمات (تعليمات المشاركة الإلكترونية لسنة 2025)، ويُعمل بها بعد ثلاثين يوماً من تاريخ نشرها في الجريدة الرسمية.</p>',
            en: '<p>These Instructions shall be cited as the “Instructions for E-Participation, 2025” and shall enter into force thirty days after the date of their publication in the Official Gazette.</p>',
          },
        },
        {
          id: 'art-2',
          number: '2',
          title: { ar: 'التعريفات', en: 'Definitions' },
          body: {
            ar: [
              '<p>يكون للكلمات والعبارات التالية حيثما وردت في هذه التعليمات المعاني المخصصة لها أدناه ما لم تدل القرينة على غير ذلك:</p>',
              '<ul>',
              '<li><strong>الوزارة:</strong> وزارة الاقتصاد الرقمي والريادة.</li>',
              '<li><strong>الوزير:</strong> وزير الاقتصاد الرقمي والريادة.</li>',
              '<li><strong>الجهة الحكومية:</strong> الوزارة أو الدائرة أو المؤسسة الرسمية العامة أو المؤسسة العامة.</li>',
              '<li><strong>المنصة:</strong> المنصة الحكومية الموحدة للمشاركة الإلكترونية «تواصل».</li>',
              '<li><strong>المشاركة الإلكترونية:</strong> إشراك المواطنين وأصحاب المصلحة في إعداد التشريعات والسياسات والخدمات العامة وفي اتخاذ القرارات المتعلقة بها باستخدام الوسائل الإلكترونية.</li>',
              '<li><strong>المشاورة:</strong> طرح مسودة تشريع أو سياسة أو خدمة أو أي موضوع آخر على المنصة مدةً محددة لتلقي الآراء والملاحظات بشأنه.</li>',
              '<li><strong>أصحاب المصلحة:</strong> الأفراد والقطاع الخاص ومؤسسات المجتمع المدني والأوساط الأكاديمية والجهات الحكومية ممن يتأثرون بموضوع المشاورة أو يهتمون به.</li>',
              '<li><strong>المشارك:</strong> كل شخص طبيعي أو معنوي يبدي رأيه أو ملاحظاته في مشاورة منشورة على المنصة.</li>',
              '<li><strong>تقرير التغذية الراجعة:</strong> التقرير الذي تنشره الجهة الحكومية بعد انتهاء المشاورة متضمناً ملخص الملاحظات الواردة وردها عليها والقرار المتخذ.</li>',
              '<li><strong>سياسة الاستخدام:</strong> القواعد التي تصدرها الوزارة وتنشرها على المنصة لتنظيم مشاركة المستخدمين والإشراف على محتوى مشاركاتهم.</li>',
              '</ul>',
            ].join('\n'),
            en: [
              '<p>The following words and expressions, wherever they appear in these Instructions, have the meanings given below unless the context indicates otherwise:</p>',
              '<ul>',
              '<li><strong>Ministry:</strong> the Ministry of Digital Economy and Entrepreneurship.</li>',
              '<li><strong>Minister:</strong> the Minister of Digital Economy and Entrepreneurship.</li>',
              '<li><strong>Government body:</strong> a ministry, department, official public institution or public institution.</li>',
              '<li><strong>Portal:</strong> the unified government e-participation portal, Tawasul.</li>',
              '<li><strong>E-participation:</strong> involving citizens and stakeholders, by electronic means, in preparing legislation, policies and public services and in the decisions about them.</li>',
              '<li><strong>Consultation:</strong> publishing a draft law, policy, service or any other matter on the Portal for a set period to receive views and comments on it.</li>',
              '<li><strong>Stakeholders:</strong> individuals, the private sector, civil society organisations, academia and government bodies affected by or interested in the subject of a consultation.</li>',
              '<li><strong>Participant:</strong> any natural or legal person who gives views or comments in a consultation published on the Portal.</li>',
              '<li><strong>Feedback report:</strong> the report a government body publishes after a consultation ends, summarising the comments received, its response to them and the decision taken.</li>',
              '<li><strong>Usage policy:</strong> the rules issued by the Ministry and published on the Portal that govern users’ participation and the moderation of their contributions.</li>',
              '</ul>',
            ].join('\n'),
          },
        },
        {
          id: 'art-3',
          number: '3',
          title: { ar: 'نطاق التطبيق', en: 'Scope' },
          body: {
            ar: [
              '<p>أ. تسري أحكام هذه التعليمات على جميع الجهات الحكومية عند إعداد ما يلي:</p>',
              '<ol>',
              '<li>مشروعات القوانين والأنظمة والتعليمات.</li>',
              '<li>السياسات والاستراتيجيات والخطط الوطنية والقطاعية.</li>',
              '<li>الخدمات العامة الجديدة والتعديلات الجوهرية على الخدمات القائمة.</li>',
              '</ol>',
              '<p>ب. يُستثنى من أحكام الفقرة (أ) من هذه المادة ما يتعلق بالأمن الوطني أو النظام العام، وما تقرر الجهة الحكومية عدم ملاءمة طرحه للتشاور لأسباب تبيّنها خطياً للوزارة.</p>',
            ].join('\n'),
            en: [
              '<p>a. These Instructions apply to all government bodies when preparing:</p>',
              '<ol>',
              '<li>draft laws, regulations and instructions;</li>',
              '<li>national and sectoral policies, strategies and plans;</li>',
              '<li>new public services and substantial changes to existing services.</li>',
              '</ol>',
              '<p>b. Paragraph (a) does not apply to matters of national security or public order, or to matters a government body decides are not suitable for consultation, for reasons it gives to the Ministry in writing.</p>',
            ].join('\n'),
          },
        },
        {
          id: 'art-4',
          number: '4',
          title: { ar: 'التزامات الجهات الحكومية عند طرح المشاورة', en: 'Obligations of government bodies when publishing a consultation' },
          body: {
            ar: [
              '<p>أ. تلتزم الجهة الحكومية بنشر مسودة التشريع أو السياسة على المنصة مدةً لا تقل عن (30) يوماً، ويجوز تقصير هذه المدة في الحالات المستعجلة على ألا تقل عن (10) أيام، بقرار مسبّب يُنشر مع المسودة.</p>',
              '<p>ب. يُرفق بالمسودة عند نشرها ما يلي:</p>',
              '<ol>',
              '<li>الأسباب الموجبة أو مذكرة إيضاحية بلغة واضحة.</li>',
              '<li>دراسة تقييم الأثر المعدّة وفق الدليل الإرشادي لسياسة تقييم الأثر الصادر عن رئاسة الوزراء.</li>',
              '<li>تاريخ بدء المشاورة وتاريخ انتهائها.</li>',
              '<li>وسيلة للتواصل مع الجهة لتلقي الاستفسارات.</li>',
              '</ol>',
              '<p>ج. تعلن الجهة الحكومية عن المشاورة عبر موقعها الإلكتروني وحساباتها الرسمية على وسائل التواصل الاجتماعي وأي قنوات أخرى مناسبة للوصول إلى الفئات المستهدفة.</p>',
            ].join('\n'),
            en: [
              '<p>a. A government body shall publish the draft law or policy on the Portal for at least thirty (30) days. In urgent cases this period may be shortened to no less than ten (10) days by a reasoned decision published with the draft.</p>',
              '<p>b. The draft shall be published together with:</p>',
              '<ol>',
              '<li>the reasons for it, or an explanatory memorandum in clear language;</li>',
              '<li>an impact assessment prepared according to the Prime Ministry’s impact-assessment policy guide;</li>',
              '<li>the dates on which the consultation opens and closes;</li>',
              '<li>a way to contact the body with questions.</li>',
              '</ol>',
              '<p>c. The government body shall announce the consultation on its website, its official social media accounts and any other channel suited to reaching the people concerned.</p>',
            ].join('\n'),
          },
        },
        {
          id: 'art-5',
          number: '5',
          title: { ar: 'حقوق المشاركين', en: 'Rights of participants' },
          body: {
            ar: [
              '<p>للمشارك الحق في:</p>',
              '<ol>',
              '<li>الاطلاع على المسودات والوثائق المرفقة بها مجاناً ودون اشتراط التسجيل في المنصة.</li>',
              '<li>التعليق على المسودة كاملة أو على أي مادة منها، باللغة العربية أو الإنجليزية.</li>',
              '<li>المشاركة باسمه أو دون ذكر اسمه، وفق ما تسمح به المشاورة.</li>',
              '<li>حماية بياناته الشخصية وفق أحكام قانون حماية البيانات الشخصية رقم (24) لسنة 2023، وعدم استخدامها لغير أغراض المشاورة.</li>',
              '<li>الحصول على وسائل مشاركة ميسّرة تراعي احتياجات الأشخاص ذوي الإعاقة وكبار السن.</li>',
              '<li>الاطلاع على نتائج المشاورة والقرار المتخذ بشأنها.</li>',
              '</ol>',
            ].join('\n'),
            en: [
              '<p>Participants have the right to:</p>',
              '<ol>',
              '<li>read drafts and their supporting documents free of charge, without having to register on the Portal;</li>',
              '<li>comment on the whole draft or on any article of it, in Arabic or English;</li>',
              '<li>take part under their name or without giving it, as the consultation allows;</li>',
              '<li>have their personal data protected under the Personal Data Protection Law No. 24 of 2023, and not used for any purpose other than the consultation;</li>',
              '<li>accessible ways of taking part that meet the needs of people with disabilities and older people;</li>',
              '<li>see the results of the consultation and the decision taken.</li>',
              '</ol>',
            ].join('\n'),
          },
        },
        {
          id: 'art-6',
          number: '6',
          title: { ar: 'سياسة الاستخدام والإشراف على المشاركات', en: 'Usage policy and moderation' },
          body: {
            ar: [
              '<p>أ. يلتزم المشارك بسياسة الاستخدام المنشورة على المنصة، ويُعدّ إقراره بها شرطاً لإرسال أي تعليق.</p>',
              '<p>ب. تراجع الجهة الحكومية التعليقات قبل نشرها خلال مدة لا تتجاوز ثلاثة أيام عمل من تاريخ ورودها، ولها أن ترفض نشر التعليق أو أن تحذفه إذا خالف سياسة الاستخدام.</p>',
              '<p>ج. لا يجوز رفض أي تعليق أو حذفه بسبب نقده لمضمون المسودة ما دام ملتزماً بسياسة الاستخدام.</p>',
              '<p>د. يحق لأي مستخدم الإبلاغ عن تعليق منشور يرى أنه يخالف سياسة الاستخدام، وتنظر الجهة الحكومية في البلاغ وتتخذ الإجراء المناسب بشأنه.</p>',
            ].join('\n'),
            en: [
              '<p>a. Participants shall follow the usage policy published on the Portal; accepting it is a condition for sending any comment.</p>',
              '<p>b. The government body reviews comments before publication within no more than three working days of receiving them, and may refuse to publish or remove a comment that breaks the usage policy.</p>',
              '<p>c. No comment may be refused or removed for criticising the content of the draft, as long as it follows the usage policy.</p>',
              '<p>d. Any user may report a published comment they believe breaks the usage policy; the government body shall consider the report and take appropriate action.</p>',
            ].join('\n'),
          },
        },
        {
          id: 'art-7',
          number: '7',
          title: { ar: 'دراسة الملاحظات ونشر النتائج', en: 'Considering comments and publishing the results' },
          body: {
            ar: [
              '<p>أ. تدرس الجهة الحكومية جميع الملاحظات الواردة خلال مدة المشاورة، وتنشر تقرير التغذية الراجعة على المنصة خلال مدة لا تتجاوز (30) يوماً من تاريخ انتهائها.</p>',
              '<p>ب. يتضمن تقرير التغذية الراجعة ما يلي:</p>',
              '<ol>',
              '<li>عدد المشاركات والمشاركين وتوزيعهم حسب فئات أصحاب المصلحة.</li>',
              '<li>ملخصاً لأبرز الملاحظات مصنفة حسب الموضوع.</li>',
              '<li>رد الجهة على الملاحظات وأسباب الأخذ بها أو عدم الأخذ بها.</li>',
              '</ol>',
              '<p>ج. تنشر الجهة الحكومية على المنصة القرار النهائي المتخذ بشأن المشاورة، سواء باعتماد المسودة أو تعديلها أو سحبها أو تأجيلها، مع النص النهائي حال إقراره.</p>',
            ].join('\n'),
            en: [
              '<p>a. The government body shall consider all comments received during the consultation and publish a feedback report on the Portal within thirty (30) days of its close.</p>',
              '<p>b. The feedback report shall include:</p>',
              '<ol>',
              '<li>the number of comments and participants, broken down by stakeholder group;</li>',
              '<li>a summary of the main comments, grouped by theme;</li>',
              '<li>the body’s response to the comments and its reasons for accepting or not accepting them.</li>',
              '</ol>',
              '<p>c. The government body shall publish on the Portal its final decision on the consultation — whether the draft is adopted, amended, withdrawn or postponed — together with the final text once approved.</p>',
            ].join('\n'),
          },
        },
        {
          id: 'art-8',
          number: '8',
          title: { ar: 'المتابعة والتقييم', en: 'Monitoring and evaluation' },
          body: {
            ar: [
              '<p>أ. تتولى الوزارة، بالتنسيق مع ديوان التشريع والرأي ووحدة تقييم الأثر في رئاسة الوزراء، متابعة التزام الجهات الحكومية بأحكام هذه التعليمات.</p>',
              '<p>ب. تُعدّ الوزارة تقريراً سنوياً عن مؤشرات المشاركة الإلكترونية في الجهات الحكومية، يُرفع إلى رئيس الوزراء ويُنشر على المنصة.</p>',
              '<p>ج. توفر الوزارة برامج تدريب وبناء قدرات لموظفي الجهات الحكومية المعنيين بإدارة المشاورات على المنصة.</p>',
            ].join('\n'),
            en: [
              '<p>a. The Ministry, in coordination with the Legislation and Opinion Bureau and the Prime Ministry’s impact-assessment unit, monitors government bodies’ compliance with these Instructions.</p>',
              '<p>b. The Ministry prepares an annual report on e-participation indicators across government bodies, submits it to the Prime Minister and publishes it on the Portal.</p>',
              '<p>c. The Ministry provides training and capacity-building for the staff of government bodies who run consultations on the Portal.</p>',
            ].join('\n'),
          },
        },
        {
          id: 'art-9',
          number: '9',
          title: { ar: 'أحكام ختامية', en: 'Final provisions' },
          body: {
            ar: [
              '<p>أ. تسمّي كل جهة حكومية ضابط ارتباط للمشاركة الإلكترونية يتولى إدارة مشاوراتها على المنصة والتنسيق مع الوزارة.</p>',
              '<p>ب. يُصدر الوزير الأدلة الإرشادية اللازمة لتنفيذ أحكام هذه التعليمات.</p>',
              '<p>ج. على الجهات الحكومية توفيق أوضاعها وفق أحكام هذه التعليمات خلال ستة أشهر من تاريخ العمل بها.</p>',
            ].join('\n'),
            en: [
              '<p>a. Each government body shall name an e-participation liaison officer to run its consultations on the Portal and coordinate with the Ministry.</p>',
              '<p>b. The Minister issues the guidance needed to implement these Instructions.</p>',
              '<p>c. Government bodies shall bring their practice into line with these Instructions within six months of their entry into force.</p>',
            ].join('\n'),
          },
        },
      ],
      documents,
      impactAssessmentPath: 'documents/impact-assessment-e-participation.pdf',
      commenting: COMMENTING,
    },
    comments,
    polls,
  };
}

// ---------------------------------------------------------------------------
// 2. Upcoming: Draft Policy on the Quality of Government Digital Services (MODEE)
// ---------------------------------------------------------------------------

function digitalServicesQualityPolicy(now: Date): SeedConsultation {
  return {
    consultation: {
      id: 'digital-services-quality-policy',
      title: {
        ar: 'مسودة سياسة جودة الخدمات الحكومية الرقمية',
        en: 'Draft Policy on the Quality of Government Digital Services',
      },
      agency: MODEE,
      kind: 'policy',
      opensAt: ammanDay(now, 7, 9),
      closesAt: ammanDay(now, 37, 23, 59),
      summary: {
        ar: [
          '<p>تطرح وزارة الاقتصاد الرقمي والريادة مسودة سياسة جودة الخدمات الحكومية الرقمية للتشاور العام. تحدد السياسة معايير موحّدة لجودة الخدمات الحكومية الإلكترونية وسهولة استخدامها وإتاحتها للجميع، وآلية لقياس رضا المستفيدين ونشر نتائجه دورياً مع الخطوات المتخذة لتحسين الخدمات.</p>',
          '<p>يمكنكم الاطلاع على المسودة منذ الآن، وتُستقبل الملاحظات عند فتح باب المشاورة في الموعد المحدد.</p>',
        ].join('\n'),
        en: [
          '<p>The Ministry of Digital Economy and Entrepreneurship is consulting on a draft policy on the quality of government digital services. It sets common standards for the quality, ease of use and accessibility of government e-services, and a way to measure users’ satisfaction and publish the results regularly, together with the steps taken to improve services.</p>',
          '<p>You can read the draft now; comments will be accepted once the consultation opens on the date shown.</p>',
        ].join('\n'),
      },
      sections: [
        {
          id: 'dsq-1',
          number: '1',
          title: { ar: 'الأهداف', en: 'Objectives' },
          body: {
            ar: [
              '<p>تهدف هذه السياسة إلى:</p>',
              '<ol>',
              '<li>تحسين تجربة المستفيدين من الخدمات الحكومية الرقمية وتوحيد مستوى جودتها في الجهات الحكومية.</li>',
              '<li>ضمان إتاحة الخدمات الرقمية لجميع فئات المجتمع، بمن فيهم الأشخاص ذوو الإعاقة وكبار السن.</li>',
              '<li>قياس رضا المستفيدين بانتظام، ونشر النتائج والإجراءات المتخذة لتحسين الخدمات.</li>',
              '</ol>',
            ].join('\n'),
            en: [
              '<p>This policy aims to:</p>',
              '<ol>',
              '<li>improve the experience of people using government digital services and bring their quality to a common level across government bodies;</li>',
              '<li>make digital services accessible to everyone, including people with disabilities and older people;</li>',
              '<li>measure user satisfaction regularly and publish the results and the action taken to improve services.</li>',
              '</ol>',
            ].join('\n'),
          },
        },
        {
          id: 'dsq-2',
          number: '2',
          title: { ar: 'معايير الجودة', en: 'Quality standards' },
          body: {
            ar: [
              '<p>تلتزم الجهات الحكومية بأن تستوفي كل خدمة رقمية تقدمها المعايير التالية:</p>',
              '<ul>',
              '<li>توافر الخدمة باللغتين العربية والإنجليزية، بلغة واضحة وإجراءات مبسّطة.</li>',
              '<li>التوافق مع المستوى (AA) من إرشادات إتاحة محتوى الويب (WCAG) بإصدارها المعتمد.</li>',
              '<li>ملاءمة الخدمة للاستخدام عبر الهواتف المحمولة.</li>',
              '<li>عدم مطالبة المستفيد بأي وثيقة أو معلومة متوافرة لدى جهة حكومية أخرى.</li>',
              '<li>الإعلان عن المدة المتوقعة لإنجاز الخدمة ورسومها قبل البدء بها.</li>',
              '</ul>',
            ].join('\n'),
            en: [
              '<p>Government bodies shall make sure every digital service they provide meets the following standards:</p>',
              '<ul>',
              '<li>available in Arabic and English, in clear language and with simple steps;</li>',
              '<li>conformant with level AA of the Web Content Accessibility Guidelines (WCAG), in the adopted version;</li>',
              '<li>usable on mobile phones;</li>',
              '<li>never asking for a document or information another government body already holds;</li>',
              '<li>stating the expected completion time and fees before the service starts.</li>',
              '</ul>',
            ].join('\n'),
          },
        },
        {
          id: 'dsq-3',
          number: '3',
          title: { ar: 'قياس رضا المستفيدين', en: 'Measuring user satisfaction' },
          body: {
            ar: [
              '<p>أ. تتيح الجهة الحكومية للمستفيد تقييم الخدمة فور إنجازها وإبداء ملاحظاته عليها.</p>',
              '<p>ب. تنشر الوزارة كل ثلاثة أشهر تقريراً بنتائج تقييم الخدمات الحكومية الرقمية والإجراءات التي اتخذتها الجهات لتحسين الخدمات الأدنى تقييماً.</p>',
            ].join('\n'),
            en: [
              '<p>a. Government bodies shall let users rate a service as soon as it is completed and comment on it.</p>',
              '<p>b. Every three months the Ministry publishes a report on the ratings of government digital services and the action bodies have taken to improve the lowest-rated services.</p>',
            ].join('\n'),
          },
        },
        {
          id: 'dsq-4',
          number: '4',
          title: { ar: 'الأدوار والمسؤوليات', en: 'Roles and responsibilities' },
          body: {
            ar: [
              '<p>أ. تتولى الوزارة إصدار الأدلة الفنية لمعايير الجودة، ومتابعة التزام الجهات الحكومية بها.</p>',
              '<p>ب. تراجع كل جهة حكومية خدماتها الرقمية سنوياً وفق معايير هذه السياسة، وترفع إلى الوزارة خطة لتحسينها.</p>',
            ].join('\n'),
            en: [
              '<p>a. The Ministry issues technical guides to the quality standards and monitors government bodies’ compliance with them.</p>',
              '<p>b. Each government body reviews its digital services against this policy every year and submits an improvement plan to the Ministry.</p>',
            ].join('\n'),
          },
        },
      ],
      documents: [
        {
          title: { ar: 'نص مسودة السياسة', en: 'Draft policy text (Arabic)' },
          path: 'documents/digital-services-quality-policy.pdf',
          mediaType: PDF,
          sizeBytes: 1116,
          lang: 'ar',
        },
      ],
      commenting: COMMENTING,
    },
    comments: [],
    polls: [],
  };
}

// ---------------------------------------------------------------------------
// 3. Decided: Draft Open Government Data Policy, 2024 (MODEE)
// ---------------------------------------------------------------------------

function openDataPolicy(now: Date): SeedConsultation {
  const opensAt = ammanDay(now, -90, 9);
  const closesAt = ammanDay(now, -45, 23, 59);

  const comments: SeedComment[] = [
    {
      sectionId: 'odp-2',
      displayName: 'شركة ناشئة في تحليل البيانات',
      stakeholderType: 'private_sector',
      body:
        'نشر الجداول بصيغة PDF لا يفيد المطورين ولا الباحثين؛ نحتاج إلى صيغ مقروءة آلياً مثل CSV وJSON، وإلى واجهات برمجية (API) للبيانات التي تتحدث باستمرار كبيانات النقل العام وجودة الهواء.',
      createdAt: ago(now, 86.5),
      status: 'published',
      reply: {
        body: 'شكراً لكم. سندرس تعديل البند (2) لاشتراط نشر البيانات بصيغ مقروءة آلياً، وإتاحة واجهات برمجية للبيانات عالية القيمة.',
        createdAt: ago(now, 84.2),
      },
    },
    {
      sectionId: 'odp-4',
      displayName: 'أستاذة في كلية تكنولوجيا المعلومات',
      stakeholderType: 'academia',
      body:
        'نؤيد حماية البيانات الشخصية، لكن النص بصيغته الحالية قد يُتخذ ذريعة لحجب بيانات إحصائية مجمّعة لا تكشف هوية أحد. نقترح النص على إخفاء الهوية ونشر البيانات المجمّعة بدلاً من حجبها، وفق أحكام قانون حماية البيانات الشخصية رقم (24) لسنة 2023.',
      createdAt: ago(now, 78.1),
      status: 'published',
    },
    {
      sectionId: 'odp-3',
      displayName: 'منظمة مجتمع مدني معنية بالشفافية',
      stakeholderType: 'civil_society',
      body:
        'عبارة «وفق شروط الاستخدام التي تحددها الجهة الناشرة» تفتح الباب أمام شروط مختلفة لكل جهة، وهو ما يعيق إعادة الاستخدام. نقترح اعتماد ترخيص مفتوح موحّد يسمح بإعادة استخدام البيانات لأي غرض، بما فيه الغرض التجاري، بشرط الإشارة إلى المصدر.',
      createdAt: ago(now, 71.4),
      status: 'published',
      reply: {
        body: 'نتفق معكم في أهمية توحيد شروط إعادة الاستخدام، وسيُعرض مقترح الترخيص المفتوح الموحّد على اللجنة المختصة عند إعداد الصيغة النهائية.',
        createdAt: ago(now, 68.9),
      },
    },
    {
      stakeholderType: 'individual',
      body:
        'أتمنى أن تُنشر بيانات موازنات البلديات ومشترياتها بصورة مفهومة للمواطن العادي، مع رسوم بيانية بسيطة، لا جداول يصعب فهمها فحسب.',
      createdAt: ago(now, 63.0),
      status: 'published',
    },
    {
      sectionId: 'odp-5',
      displayName: 'مديرية التخطيط في إحدى الوزارات',
      stakeholderType: 'government',
      body:
        'نؤيد تسمية مسؤول عن البيانات المفتوحة في كل جهة، ونقترح أن تصدر الوزارة نموذجاً موحداً لحصر مجموعات البيانات وخطة نشرها، وألا تقل مدة إعداد الخطة الأولى عن ستة أشهر.',
      createdAt: ago(now, 55.6),
      status: 'published',
    },
    {
      sectionId: 'odp-6',
      stakeholderType: 'individual',
      body:
        'For every dataset, please publish how often it is updated, when it was last updated, and a contact point for reporting errors. Many datasets on open data portals are years old and there is no way to tell.',
      createdAt: ago(now, 48.3),
      status: 'published',
    },
  ];

  const polls: SeedPoll[] = [
    {
      id: 'poll-open-data-formats',
      question: {
        ar: 'ما الصيغة التي تفضّل أن تُنشر بها البيانات الحكومية المفتوحة؟',
        en: 'In which format would you prefer open government data to be published?',
      },
      options: [
        { id: 'opt-csv', label: { ar: 'ملفات CSV', en: 'CSV files' } },
        { id: 'opt-xlsx', label: { ar: 'جداول Excel', en: 'Excel spreadsheets' } },
        { id: 'opt-api', label: { ar: 'واجهة برمجية (API) بصيغة JSON', en: 'An API returning JSON' } },
        { id: 'opt-pdf', label: { ar: 'تقارير PDF', en: 'PDF reports' } },
        { id: 'opt-map', label: { ar: 'خرائط وبيانات جغرافية', en: 'Maps and geographic data' } },
      ],
      maxChoices: 1,
      opensAt,
      closesAt,
      resultsVisibility: 'after_close',
      votes: ballots([['opt-csv'], 14], [['opt-api'], 11], [['opt-xlsx'], 8], [['opt-pdf'], 4], [['opt-map'], 3]),
    },
  ];

  return {
    consultation: {
      id: 'open-data-policy-2024',
      title: {
        ar: 'مسودة سياسة البيانات الحكومية المفتوحة لسنة 2024',
        en: 'Draft Open Government Data Policy, 2024',
      },
      agency: MODEE,
      kind: 'policy',
      opensAt,
      closesAt,
      summary: {
        ar: [
          '<p>تطرح وزارة الاقتصاد الرقمي والريادة مسودة سياسة البيانات الحكومية المفتوحة لسنة 2024 للتشاور العام.</p>',
          '<p>تنطلق المسودة من أن البيانات الحكومية المجمّعة والمخزّنة عبر السنين مورد قيّم يمكن، إذا أُتيح بطريقة مناسبة، أن يسهم في التنمية المجتمعية والاقتصادية، وأن يمكّن المواطنين وأصحاب المصلحة من المشاركة في صنع القرار وتطوير السياسات، وأن يزيد الثقة بالقطاع العام من خلال تعزيز الشفافية والمساءلة.</p>',
          '<p>نرحب بملاحظاتكم على المسودة كاملة أو على أي بند منها، وبمشاركتكم في استطلاع الرأي حول صيغ نشر البيانات.</p>',
        ].join('\n'),
        en: [
          '<p>The Ministry of Digital Economy and Entrepreneurship invites public comment on the draft Open Government Data Policy, 2024.</p>',
          '<p>The draft starts from the view that the government data collected and stored over the years is a valuable resource which, made available in the right way, can contribute to social and economic development, enable citizens and stakeholders to take part in decision-making and policy development, and increase trust in the public sector through greater transparency and accountability.</p>',
          '<p>We welcome your comments on the whole draft or on any clause, and your answer to the poll on data formats.</p>',
        ].join('\n'),
      },
      sections: [
        {
          id: 'odp-1',
          number: '1',
          title: { ar: 'الأهداف والمبادئ', en: 'Objectives and principles' },
          body: {
            ar: [
              '<p>تهدف هذه السياسة إلى إتاحة البيانات الحكومية لإعادة استخدامها بما يعزز الشفافية والمساءلة ويدعم الابتكار وريادة الأعمال والبحث العلمي، وتقوم على المبادئ التالية:</p>',
              '<ul>',
              '<li>الانفتاح بحكم الأصل: تُعدّ البيانات الحكومية مفتوحة ما لم تكن بيانات شخصية أو مصنفة.</li>',
              '<li>المجانية وسهولة الوصول.</li>',
              '<li>الدقة والتحديث المنتظم.</li>',
              '<li>حماية الخصوصية.</li>',
              '</ul>',
            ].join('\n'),
            en: [
              '<p>This policy aims to make government data available for reuse in ways that strengthen transparency and accountability and support innovation, entrepreneurship and research. It rests on these principles:</p>',
              '<ul>',
              '<li>open by default: government data is open unless it is personal or classified;</li>',
              '<li>free of charge and easy to access;</li>',
              '<li>accurate and regularly updated;</li>',
              '<li>privacy is protected.</li>',
              '</ul>',
            ].join('\n'),
          },
        },
        {
          id: 'odp-2',
          number: '2',
          title: { ar: 'معايير النشر', en: 'Publication standards' },
          body: {
            ar: '<p>تنشر الجهات الحكومية مجموعات بياناتها على بوابة البيانات المفتوحة بصيغ إلكترونية متاحة، مرفقة ببيانات وصفية تبيّن مصدرها وتاريخ آخر تحديث لها.</p>',
            en: '<p>Government bodies publish their datasets on the open data portal in accessible electronic formats, with metadata stating their source and the date they were last updated.</p>',
          },
        },
        {
          id: 'odp-3',
          number: '3',
          title: { ar: 'الترخيص وإعادة الاستخدام', en: 'Licensing and reuse' },
          body: {
            ar: '<p>تُتاح البيانات المفتوحة للاستخدام وإعادة الاستخدام وفق شروط الاستخدام التي تحددها الجهة الناشرة.</p>',
            en: '<p>Open data may be used and reused under the terms of use set by the publishing body.</p>',
          },
        },
        {
          id: 'odp-4',
          number: '4',
          title: { ar: 'حماية البيانات الشخصية والاستثناءات', en: 'Personal data protection and exceptions' },
          body: {
            ar: '<p>لا تُنشر أي بيانات شخصية أو بيانات مصنفة وفق التشريعات النافذة، ويجوز للجهة الحكومية حجب أي مجموعة بيانات لأسباب تتعلق بالأمن الوطني أو السلامة العامة.</p>',
            en: '<p>No personal data or data classified under the legislation in force is published. A government body may withhold any dataset for reasons of national security or public safety.</p>',
          },
        },
        {
          id: 'odp-5',
          number: '5',
          title: { ar: 'الحوكمة والأدوار', en: 'Governance and roles' },
          body: {
            ar: '<p>تسمّي كل جهة حكومية مسؤولاً عن البيانات المفتوحة يتولى حصر مجموعات البيانات لدى الجهة وإعداد خطة نشرها ومتابعة تحديثها، بالتنسيق مع الوزارة.</p>',
            en: '<p>Each government body names an open data officer who lists the body’s datasets, prepares a plan for publishing them and follows up their updating, in coordination with the Ministry.</p>',
          },
        },
        {
          id: 'odp-6',
          number: '6',
          title: { ar: 'التحديث والجودة', en: 'Updating and quality' },
          body: {
            ar: '<p>تحدّث الجهات الحكومية مجموعات البيانات المنشورة بصورة دورية، وتراجع الوزارة سنوياً مدى التزام الجهات بذلك.</p>',
            en: '<p>Government bodies update published datasets regularly; the Ministry reviews their compliance every year.</p>',
          },
        },
      ],
      documents: [
        {
          title: { ar: 'نص مسودة السياسة كما طُرحت للتشاور', en: 'Draft policy as published for consultation (Arabic)' },
          path: 'documents/open-data-policy-2024-draft.pdf',
          mediaType: PDF,
          sizeBytes: 1109,
          lang: 'ar',
        },
        {
          title: { ar: 'تقرير التغذية الراجعة', en: 'Feedback report' },
          path: 'documents/open-data-policy-2024-feedback-report.pdf',
          mediaType: PDF,
          sizeBytes: 1035,
          lang: 'ar',
        },
      ],
      impactAssessmentPath: 'documents/open-data-policy-2024-impact-assessment.pdf',
      commenting: COMMENTING,
    },
    comments,
    polls,
    decision: {
      publishedAt: ammanDay(now, -15, 10),
      outcome: 'amended',
      summary: {
        ar: [
          '<p>بعد انتهاء مدة المشاورة، درست وزارة الاقتصاد الرقمي والريادة جميع الملاحظات الواردة من المواطنين والقطاع الخاص ومؤسسات المجتمع المدني والأوساط الأكاديمية والجهات الحكومية، وقررت اعتماد سياسة البيانات الحكومية المفتوحة لسنة 2024 بعد تعديلها في ضوء هذه الملاحظات.</p>',
          '<p>شملت أبرز التعديلات:</p>',
          '<ul>',
          '<li>اشتراط نشر البيانات بصيغ مقروءة آلياً؛</li>',
          '<li>اعتماد ترخيص مفتوح موحّد لإعادة الاستخدام؛</li>',
          '<li>إخفاء هوية البيانات الشخصية بدلاً من حجب البيانات الإحصائية المجمّعة؛</li>',
          '<li>خطة تنفيذ مرحلية مدتها (18) شهراً.</li>',
          '</ul>',
          '<p>تجدون أدناه النص النهائي للسياسة، وملخص ما سمعناه منكم وما قمنا به.</p>',
        ].join('\n'),
        en: [
          '<p>After the consultation closed, the Ministry of Digital Economy and Entrepreneurship considered all the comments received from citizens, the private sector, civil society organisations, academia and government bodies, and decided to adopt the Open Government Data Policy, 2024, amended in the light of those comments.</p>',
          '<p>The main changes are:</p>',
          '<ul>',
          '<li>data must be published in machine-readable formats;</li>',
          '<li>one open licence for reuse across government;</li>',
          '<li>personal data is anonymised instead of aggregate statistics being withheld;</li>',
          '<li>a phased 18-month implementation plan.</li>',
          '</ul>',
          '<p>The final text of the policy, and a summary of what you told us and what we did, are below.</p>',
        ].join('\n'),
      },
      changes: [
        {
          sectionId: 'odp-2',
          description: {
            ar: 'اشتراط نشر مجموعات البيانات بصيغ مفتوحة مقروءة آلياً مثل CSV وJSON، وإتاحة واجهات برمجية للبيانات عالية القيمة والمحدّثة باستمرار؛ ولم تعد صيغة PDF مقبولة وحدها.',
            en: 'Datasets must be published in open, machine-readable formats such as CSV and JSON, with APIs for high-value and frequently updated data; PDF alone is no longer acceptable.',
          },
        },
        {
          sectionId: 'odp-3',
          description: {
            ar: 'اعتماد ترخيص مفتوح موحّد لجميع الجهات الحكومية يسمح بإعادة استخدام البيانات لأي غرض، بما فيه الغرض التجاري، بشرط الإشارة إلى المصدر.',
            en: 'One open licence for all government bodies, allowing reuse for any purpose, including commercial use, provided the source is credited.',
          },
        },
        {
          sectionId: 'odp-4',
          description: {
            ar: 'إلزام الجهات بإخفاء هوية البيانات الشخصية ونشر البيانات الإحصائية المجمّعة بدلاً من حجبها، وفق أحكام قانون حماية البيانات الشخصية رقم (24) لسنة 2023.',
            en: 'Bodies must anonymise personal data and publish aggregate statistics rather than withhold them, in line with the Personal Data Protection Law No. 24 of 2023.',
          },
        },
        {
          sectionId: 'odp-6',
          description: {
            ar: 'تضمين البيانات الوصفية لكل مجموعة بيانات دورية تحديثها وتاريخ آخر تحديث، ووسيلة للإبلاغ عن الأخطاء وطلب بيانات جديدة.',
            en: 'Each dataset’s metadata now states how often it is updated and when it was last updated, with a way to report errors and request new data.',
          },
        },
        {
          description: {
            ar: 'إضافة خطة تنفيذ مرحلية مدتها (18) شهراً تبدأ بمجموعات البيانات عالية القيمة، وتُنشر مواعيدها على بوابة البيانات المفتوحة.',
            en: 'A phased 18-month implementation plan was added, starting with high-value datasets; its timetable is published on the open data portal.',
          },
        },
      ],
      feedback: {
        comments: 186,
        participants: 142,
        byStakeholderType: {
          individual: 97,
          private_sector: 31,
          civil_society: 26,
          academia: 19,
          government: 13,
        },
      },
      responses: [
        {
          theme: { ar: 'صيغ نشر البيانات', en: 'Data formats' },
          response: {
            ar: 'قلتم إن الجداول المنشورة بصيغة PDF يصعب إعادة استخدامها، واختار معظم المشاركين في الاستطلاع صيغة CSV أو واجهة برمجية. فعدّلنا البند (2) لاشتراط الصيغ المقروءة آلياً وإتاحة واجهات برمجية للبيانات عالية القيمة.',
            en: 'You said tables published as PDF are hard to reuse, and most poll respondents chose CSV or an API. We changed clause 2 to require machine-readable formats and APIs for high-value data.',
          },
        },
        {
          theme: { ar: 'ترخيص إعادة الاستخدام', en: 'Reuse licence' },
          response: {
            ar: 'قلتم إن ترك شروط الاستخدام لكل جهة يعيق إعادة استخدام البيانات. فاعتمدنا ترخيصاً مفتوحاً موحّداً يسمح بأي استخدام، بما فيه التجاري، مع الإشارة إلى المصدر.',
            en: 'You said leaving terms of use to each body gets in the way of reuse. We adopted one open licence that allows any use, including commercial use, with credit to the source.',
          },
        },
        {
          theme: { ar: 'الخصوصية والبيانات الشخصية', en: 'Privacy and personal data' },
          response: {
            ar: 'طلبتم ألا تكون حماية البيانات الشخصية سبباً لحجب الإحصاءات. فأضفنا التزاماً بإخفاء الهوية ونشر البيانات المجمّعة، مع مراجعة لحماية البيانات قبل نشر أي مجموعة بيانات.',
            en: 'You asked that protecting personal data not become a reason to withhold statistics. We added a duty to anonymise and publish aggregate data, with a data-protection review before any dataset is published.',
          },
        },
        {
          theme: { ar: 'تحديث البيانات وجودتها', en: 'Keeping data up to date' },
          response: {
            ar: 'قلتم إنه يصعب معرفة مدى حداثة البيانات المنشورة. فأصبحت البيانات الوصفية تبيّن دورية التحديث وتاريخ آخر تحديث، مع وسيلة للإبلاغ عن الأخطاء.',
            en: 'You said it is hard to tell how current published data is. Metadata now shows how often and when each dataset was last updated, with a way to report errors.',
          },
        },
        {
          theme: { ar: 'نطاق النشر ومدته', en: 'Scope and timing' },
          response: {
            ar: 'طالب بعض المشاركين بنشر جميع البيانات الحكومية فوراً. لم نأخذ بذلك كاملاً لأن كثيراً من الجهات تحتاج إلى وقت لحصر بياناتها وتدقيقها، واعتمدنا بدلاً منه خطة مرحلية مدتها (18) شهراً تُنشر مواعيدها للعموم.',
            en: 'Some participants asked for all government data to be published at once. We did not adopt this in full, because many bodies need time to list and check their data; instead there is a public, phased 18-month plan.',
          },
        },
      ],
      documentPath: 'documents/open-data-policy-2024-final.pdf',
    },
  };
}

// ---------------------------------------------------------------------------
// 4. Closed, awaiting decision: Draft Regulation on Reducing Plastic Bags (MoEnv)
// ---------------------------------------------------------------------------

function plasticBagsRegulation(now: Date): SeedConsultation {
  const comments: SeedComment[] = [
    {
      sectionId: 'pbr-5',
      displayName: 'ممثل عن قطاع الصناعات البلاستيكية',
      stakeholderType: 'private_sector',
      body:
        'مهلة السنة غير كافية لتحويل خطوط الإنتاج؛ فالمصانع تحتاج إلى استيراد آلات جديدة وتدريب العاملين عليها. نقترح مهلة سنتين، مع حوافز جمركية على مدخلات إنتاج البدائل للحفاظ على فرص العمل في هذا القطاع.',
      createdAt: ago(now, 31.2),
      status: 'published',
    },
    {
      displayName: 'جمعية بيئية',
      stakeholderType: 'civil_society',
      body:
        'نرحب بمشروع النظام، ونقترح أن تُرافقه حملة توعية وطنية، وأن يُخصَّص جزء من المقابل الذي تستوفيه المتاجر عن الأكياس البديلة لدعم برامج فرز النفايات وإعادة تدويرها في البلديات.',
      createdAt: ago(now, 26.7),
      status: 'published',
    },
    {
      sectionId: 'pbr-4',
      displayName: 'هالة',
      stakeholderType: 'individual',
      body:
        'أخشى أن يتحوّل المقابل عن الأكياس البديلة إلى عبء على الأسر محدودة الدخل. أرجو تحديد سقف لهذا المقابل، أو توزيع أكياس قماشية مجاناً في المرحلة الأولى من التطبيق.',
      createdAt: ago(now, 19.4),
      status: 'published',
    },
    {
      sectionId: 'pbr-2',
      displayName: 'باحث في علوم البيئة',
      stakeholderType: 'academia',
      body:
        'السمك وحده لا يكفي معياراً، فالأكياس السميكة قد تُستخدم مرة واحدة أيضاً. نقترح ألا تُستثنى الأكياس الموصوفة بأنها «قابلة للتحلل» إلا إذا طابقت مواصفة قياسية أردنية معتمدة للتحلل الحيوي، تفادياً لتسويق أكياس تتفتت إلى جسيمات بلاستيكية دقيقة.',
      createdAt: ago(now, 12.8),
      status: 'published',
    },
    {
      sectionId: 'pbr-5',
      displayName: 'إحدى البلديات',
      stakeholderType: 'government',
      body:
        'نقترح إشراك البلديات في الرقابة على المحلات التجارية الصغيرة، بوصفها الجهة المانحة لرخص المهن والأقرب إلى هذه المحلات، على أن تتولى الوزارة الرقابة على المصانع والمستوردين.',
      createdAt: ago(now, 7.5),
      status: 'published',
    },
  ];

  return {
    consultation: {
      id: 'plastic-bags-reduction-regulation',
      title: {
        ar: 'مشروع نظام الحد من استخدام الأكياس البلاستيكية لسنة 2025',
        en: 'Draft Regulation on Reducing the Use of Plastic Bags, 2025',
      },
      agency: MOENV,
      kind: 'legislation',
      opensAt: ammanDay(now, -35, 9),
      closesAt: ammanDay(now, -5, 23, 59),
      summary: {
        ar: [
          '<p>تطرح وزارة البيئة مشروع نظام الحد من استخدام الأكياس البلاستيكية لسنة 2025 للتشاور العام، بهدف تقليل النفايات البلاستيكية وأثرها على البيئة والصحة العامة، وتشجيع استخدام البدائل القابلة لإعادة الاستخدام.</p>',
          '<p>يحظر المشروع تقديم الأكياس البلاستيكية أحادية الاستخدام في المنشآت التجارية، ويلزمها بتوفير بدائل، ويمنح المصانع مهلة لتحويل خطوط إنتاجها.</p>',
        ].join('\n'),
        en: [
          '<p>The Ministry of Environment invites public comment on the draft Regulation on Reducing the Use of Plastic Bags, 2025, which aims to cut plastic waste and its effects on the environment and public health, and to encourage reusable alternatives.</p>',
          '<p>The draft bans shops from handing out single-use plastic bags, requires them to offer alternatives, and gives manufacturers time to convert their production lines.</p>',
        ].join('\n'),
      },
      sections: [
        {
          id: 'pbr-1',
          number: '1',
          title: { ar: 'اسم النظام وبدء العمل به', en: 'Title and entry into force' },
          body: {
            ar: '<p>يُسمّى هذا النظام (نظام الحد من استخدام الأكياس البلاستيكية لسنة 2025)، ويُعمل به بعد ستة أشهر من تاريخ نشره في الجريدة الرسمية.</p>',
            en: '<p>This Regulation shall be cited as the “Regulation on Reducing the Use of Plastic Bags, 2025” and shall enter into force six months after the date of its publication in the Official Gazette.</p>',
          },
        },
        {
          id: 'pbr-2',
          number: '2',
          title: { ar: 'التعريفات', en: 'Definitions' },
          body: {
            ar: [
              '<p>يكون للكلمات والعبارات التالية حيثما وردت في هذا النظام المعاني المخصصة لها أدناه ما لم تدل القرينة على غير ذلك:</p>',
              '<ul>',
              '<li><strong>الوزارة:</strong> وزارة البيئة.</li>',
              '<li><strong>الكيس البلاستيكي أحادي الاستخدام:</strong> كيس مصنوع من البلاستيك يقل سُمكه عن (50) ميكروناً، ويُقدَّم لحمل المشتريات.</li>',
              '<li><strong>المنشأة التجارية:</strong> أي محل أو متجر أو مركز تسوق يبيع السلع للمستهلكين.</li>',
              '</ul>',
            ].join('\n'),
            en: [
              '<p>The following words and expressions, wherever they appear in this Regulation, have the meanings given below unless the context indicates otherwise:</p>',
              '<ul>',
              '<li><strong>Ministry:</strong> the Ministry of Environment.</li>',
              '<li><strong>Single-use plastic bag:</strong> a plastic bag less than 50 microns thick, given out to carry purchases.</li>',
              '<li><strong>Commercial establishment:</strong> any shop, store or shopping centre that sells goods to consumers.</li>',
              '</ul>',
            ].join('\n'),
          },
        },
        {
          id: 'pbr-3',
          number: '3',
          title: { ar: 'الحظر', en: 'Prohibition' },
          body: {
            ar: [
              '<p>أ. يُحظر على المنشآت التجارية تقديم الأكياس البلاستيكية أحادية الاستخدام للمستهلكين مجاناً أو بمقابل.</p>',
              '<p>ب. يُحظر تصنيع الأكياس البلاستيكية أحادية الاستخدام أو استيرادها بقصد تداولها في السوق المحلية.</p>',
              '<p>ج. تُستثنى من أحكام هذه المادة الأكياس المخصصة لتغليف المواد الغذائية غير المعبأة والأدوية والنفايات الطبية.</p>',
            ].join('\n'),
            en: [
              '<p>a. Commercial establishments may not give single-use plastic bags to consumers, whether free or for a charge.</p>',
              '<p>b. Making or importing single-use plastic bags for sale on the local market is prohibited.</p>',
              '<p>c. Bags for wrapping unpackaged food, medicines and medical waste are exempt from this article.</p>',
            ].join('\n'),
          },
        },
        {
          id: 'pbr-4',
          number: '4',
          title: { ar: 'البدائل', en: 'Alternatives' },
          body: {
            ar: '<p>تلتزم المنشآت التجارية بتوفير بدائل قابلة لإعادة الاستخدام للمستهلكين، ويجوز لها استيفاء مقابل عنها يُعلَن بوضوح عند نقاط البيع.</p>',
            en: '<p>Commercial establishments shall offer consumers reusable alternatives and may charge for them, provided the charge is clearly displayed at the point of sale.</p>',
          },
        },
        {
          id: 'pbr-5',
          number: '5',
          title: { ar: 'الرقابة والمرحلة الانتقالية', en: 'Enforcement and transition' },
          body: {
            ar: [
              '<p>أ. تتولى الوزارة، بالتعاون مع الجهات المختصة، الرقابة على تطبيق أحكام هذا النظام.</p>',
              '<p>ب. تُمنح المنشآت الصناعية العاملة في إنتاج الأكياس البلاستيكية مهلة سنة من تاريخ العمل بهذا النظام لتحويل خطوط إنتاجها إلى بدائل مسموح بها.</p>',
            ].join('\n'),
            en: [
              '<p>a. The Ministry, with the competent authorities, enforces this Regulation.</p>',
              '<p>b. Factories producing plastic bags have one year from the entry into force of this Regulation to convert their production lines to permitted alternatives.</p>',
            ].join('\n'),
          },
        },
      ],
      documents: [
        {
          title: { ar: 'نص مشروع النظام', en: 'Draft regulation text (Arabic)' },
          path: 'documents/plastic-bags-reduction-regulation.pdf',
          mediaType: PDF,
          sizeBytes: 1104,
          lang: 'ar',
        },
      ],
      commenting: COMMENTING,
    },
    comments,
    polls: [],
  };
}

/** The portal's seed content, with every date placed relative to `now`. */
export function seedData(now: Date): SeedData {
  // A fresh copy each call: shared constants (agency, commenting, policy) never alias.
  return structuredClone({
    policy,
    consultations: [
      eParticipationInstructions(now),
      digitalServicesQualityPolicy(now),
      plasticBagsRegulation(now),
      openDataPolicy(now),
    ],
  });
}
