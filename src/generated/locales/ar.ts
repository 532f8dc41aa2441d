
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    import {html} from 'lit';
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'comments.few': str`${0} تعليقات`,
'comments.many': str`${0} تعليقًا`,
'comments.one': `تعليق واحد`,
'comments.other': str`${0} تعليق`,
'comments.two': `تعليقان`,
'comments.zero': `لا توجد تعليقات`,
'hb5b0e7554484418c': html`مفتوحة من ${0} إلى ${1}`,
'participants.few': str`${0} مشاركين`,
'participants.many': str`${0} مشاركًا`,
'participants.one': `مشارك واحد`,
'participants.other': str`${0} مشارك`,
'participants.two': `مشاركان`,
'participants.zero': `لا يوجد مشاركون`,
's042baf59902a711f': `سياسة`,
's0e8f76464d82c97e': `عرض هذه الاستشارة على بوابة المشاركة`,
's1793e8a77a7b75e7': `تعذّر الوصول إلى بوابة الاستشارات. تحقّق من اتصالك بالإنترنت ثم أعد المحاولة.`,
's2fdbc9b653a958ae': `بوابة الاستشارات مشغولة أو تواجه عطلًا. يُرجى المحاولة بعد قليل.`,
's453d95e08fcb9e1e': `أرسلت بوابة الاستشارات بيانات لم نتمكن من قراءتها. يُرجى المحاولة لاحقًا.`,
's4580725d21aff0ea': str`تنتهي ${0}`,
's4627a9667a335f23': `قادمة`,
's544e4fb89976d65c': str`تبدأ ${0}`,
's59865d7fe16a5d75': `نُشر القرار`,
's6dbbe2646b239ca5': `مغلقة`,
's6dfc91caf3d6966f': `لم تُحدَّد استشارة لعرضها في هذا المكان من الصفحة.`,
's71a00121418f8130': `استشارة عامة`,
's736157452e7fc7af': `حدث خطأ ما. يُرجى المحاولة مرة أخرى.`,
's889fce46bd2236e5': `الوثائق`,
's9203c4e87ecc70ac': `مفتوحة للتعليق`,
's9568e3f9198e0539': `مشروع تشريع`,
'sa6609cabc15b7d34': `لم يُعثر على هذا المحتوى في بوابة الاستشارات، وربما أُزيل.`,
'sa9603a4666f654ff': str`المادة ${0}`,
'sb4c81d9286300652': str`رابط المادة ${0}`,
'sb8fa9a930ab4a0d6': `اطّلع على تقييم الأثر`,
'scd1dd6ff53d0d01a': `أعد المحاولة`,
'sd90679858717bf38': `مواد المشروع`,
'sf1bbac50373377e4': `خدمة`,
'sf78b035cf587cd53': str`أُغلقت ${0}`,
'sfc58f2922c7c3bfd': `لا يمكن عرض هذا المحتوى: لم يحدّد الموقع عنوان بوابة الاستشارات.`,
'sffc440a63d6ddc75': `جارٍ تحميل الاستشارة…`,
    };
  