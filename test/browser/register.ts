// Registers every element at once, as a bundler that imports `define.js` does, so a test's
// element upgrades the moment it is in the page. (The script's on-demand loading is tested
// in autoload.test.ts and on the built file end to end.)
import { define } from '../../src/define.js';

define();
