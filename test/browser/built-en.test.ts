// The built script and the ESM build in English: see built-output.ts.
import { builtOutputSuite } from './built-output.js';

builtOutputSuite('en');
