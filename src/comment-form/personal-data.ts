/** The personal-data detector lives in src/api/ since the portal runs it too (it holds flagged comments for moderation). */
export * from '../api/personal-data.js';
