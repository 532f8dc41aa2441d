// A rollup plugin for the single-file build: minifies the CSS in the elements'
// css`…` templates (src/**/*styles.ts, or their .js in dist/esm) with esbuild's CSS minifier. Those
// templates have no ${} values; one that has, or has a backslash (whose meaning
// differs between the template and CSS), is left as written.
//
// The minified CSS goes back into a JavaScript template literal, so it is
// escaped for one: esbuild writes non-ASCII as CSS escapes (`content:"·"`
// became `"\b7"`, and in a template `\b` is a backspace: every "·" in the
// built file rendered as a control character and a 7). `charset: 'utf8'`
// keeps such characters as they are, and any backslash, backtick or `${`
// left is escaped so the template's value is exactly the CSS esbuild wrote.
import { transformSync } from 'esbuild';

/** `css` as the body of a template literal whose cooked value is `css`. */
export const asTemplate = (css) => css.replace(/[\\`]|\$\{/g, (c) => `\\${c}`);

export default function minifyCss() {
  return {
    name: 'minify-css',
    transform(code, id) {
      if (!/styles\.[jt]s$/.test(id)) return null;
      const out = code.replace(/\bcss\s*`([^`$\\]*)`/g, (_whole, text) => {
        const min = transformSync(text, { loader: 'css', minify: true, charset: 'utf8' }).code.trim();
        return `css\`${asTemplate(min)}\``;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}
