// A rollup plugin for the single-file build: minifies the CSS in the elements'
// css`…` templates (src/**/*styles.ts, or their .js in dist/esm) with esbuild's CSS minifier. Those
// templates have no ${} values; one that has, or has a backslash (whose meaning
// differs between the template and CSS), is left as written.
import { transformSync } from 'esbuild';

export default function minifyCss() {
  return {
    name: 'minify-css',
    transform(code, id) {
      if (!/styles\.[jt]s$/.test(id)) return null;
      const out = code.replace(/\bcss\s*`([^`$\\]*)`/g, (_whole, text) => {
        const min = transformSync(text, { loader: 'css', minify: true }).code.trim();
        return `css\`${min}\``;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}
