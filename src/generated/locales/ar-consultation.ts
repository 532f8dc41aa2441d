// Do not modify this file by hand! Re-generate it by running npm run localize (scripts/split-locales.mjs).
// The messages of src/consultation/ alone, loaded with that element.
import {str} from '@lit/localize';

/* eslint-disable no-irregular-whitespace */

export const templates = {
's0e8f76464d82c97e': `عرض هذه الاستشارة على بوابة المشاركة`,
's889fce46bd2236e5': `الوثائق`,
'sa3890696dcf6e3d1': `استطلاعات الرأي`,
'sb4c81d9286300652': str`رابط المادة ${0}`,
'sb8fa9a930ab4a0d6': `اطّلع على تقييم الأثر`,
'sd90679858717bf38': `مواد المشروع`,
'sffc440a63d6ddc75': `جارٍ تحميل الاستشارة…`,
};
