/** The single-file script a webmaster loads: registers every element as `sharek-*`. */
import { define } from './define.js';

define();

export * from './index.js';
