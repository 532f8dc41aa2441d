// Do not modify this file by hand! Re-generate it by running npm run localize (scripts/split-locales.mjs).
// The messages of src/decision/ alone, loaded with that element.
import {html} from 'lit';

/* eslint-disable no-irregular-whitespace */

export const templates = {
'h1bf7605d183618a9': html`تُغلق هذه الاستشارة في ${0}، وسيُنشر القرار هنا فور اتخاذه.`,
'hc79e1fb6807fa4a4': html`نُشر في ${0}`,
'hd4811854f265fb7b': html`أُغلقت هذه الاستشارة في ${0}، وسيُنشر القرار هنا.`,
's0f317aca1b7b26ee': `القرار: اعتُمد المشروع كما طُرح`,
's10da5e2f99c83903': `اطّلع على الوثيقة النهائية`,
's253b8392879fde68': `التعليقات حسب فئة المشارك`,
's2e161d034ee01017': `القرار: سُحب المشروع`,
's38e383b4fc008e43': `ما الذي تغيّر`,
's4eb42a298481ac75': `القرار: أُرجئ البتّ في المشروع`,
's74286c033d285ca1': `ما سمعناه منكم`,
's801c796ae5c08a1e': `قلتم — فعلنا`,
'sb007c5fd1de84d99': `سيُنشر القرار هنا.`,
'se7dd5aec3ad542c4': `جارٍ تحميل القرار…`,
'se838ea7eb99e6784': `القرار: اعتُمد المشروع مع تعديلات`,
'sef92ffa038c78883': `القرار`,
'sf33ef9a07a4cb424': `اطّلع على المادة في المشروع`,
'sfc3fd45768b92ad5': `المشروع ككل`,
};
