// Do not modify this file by hand! Re-generate it by running npm run localize (scripts/split-locales.mjs).
// The messages of src/consultations/ alone, loaded with that element.

/* eslint-disable no-irregular-whitespace */

export const templates = {
's04032887954087a8': `لا توجد استشارات مفتوحة للتعليق في الوقت الحالي.`,
's12d1159c75f1007c': `لا توجد استشارات في الوقت الحالي.`,
's3862373bdbe6f667': `لا توجد استشارات نُشر قرارها بعد.`,
's4ee0636ada5e5d5e': `لا توجد استشارات قادمة في الوقت الحالي.`,
's5cac82a5bc6ef8f4': `جارٍ تحميل مزيد من الاستشارات…`,
's6f141f37c367a6df': `عرض مزيد من الاستشارات`,
's75c88b7abec56ee0': `جارٍ تحميل الاستشارات…`,
's8598a717f53067a2': `لا توجد استشارات مغلقة.`,
'sdb0ef7724a3d1335': `الاستشارات`,
};
