// The built script and the ESM build in Arabic: see built-output.ts.
import { builtOutputSuite } from './built-output.js';

builtOutputSuite('ar');
