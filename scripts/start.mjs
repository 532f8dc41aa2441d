// npm start: install if needed, build the widget, serve the demo on the reference portal.
import { execSync } from 'node:child_process';
import { ensureDependencies } from './setup.mjs';

ensureDependencies();
execSync('npm run build --silent', { stdio: 'inherit' });
execSync('node --import tsx portal/main.ts', { stdio: 'inherit' });
