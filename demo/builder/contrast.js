// Contrast of the accent colour against the white text Sharek's buttons put on
// it (and the white surface its links sit on), by the WCAG 2 formula, and the
// nearest colour of the same hue that reaches 4.5:1 (WCAG 1.4.3 for text).

/** The contrast WCAG asks of normal text. */
export const TEXT_CONTRAST = 4.5;

/** `#rrggbb` as [r, g, b] from 0 to 255. */
const rgbOf = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

const hexOf = (rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance (WCAG 2). */
function luminance(hex) {
  const [r, g, b] = rgbOf(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A ratio as people read it (2.67:1); one just short of 4.5 reads 4.49:1, never a passing 4.50:1. */
export function ratioText(ratio) {
  const shown = ratio < TEXT_CONTRAST ? Math.min(Math.round(ratio * 100), TEXT_CONTRAST * 100 - 1) : Math.floor(ratio * 100);
  return `${(shown / 100).toFixed(2)}:1`;
}

function hslOf(hex) {
  const [r, g, b] = rgbOf(hex).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (!d) return [0, 0, l];
  const s = d / (1 - Math.abs(2 * l - 1));
  let h;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [(h * 60 + 360) % 360, s, l];
}

function hexFromHsl([h, s, l]) {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return hexOf([r, g, b].map((v) => (v + m) * 255));
}

/**
 * The colour nearest to `hex` (same hue and saturation, the least change of
 * lightness) whose contrast with `against` is at least `wanted`; `hex` itself
 * when it already passes.
 */
export function nearestPassing(hex, against = '#ffffff', wanted = TEXT_CONTRAST) {
  if (contrast(hex, against) >= wanted) return hex;
  const [h, s, l] = hslOf(hex);
  for (let step = 0.001; step <= 1; step += 0.001) {
    for (const lightness of [l - step, l + step]) {
      if (lightness < 0 || lightness > 1) continue;
      const candidate = hexFromHsl([h, s, lightness]);
      if (contrast(candidate, against) >= wanted) return candidate;
    }
  }
  return contrast('#000000', against) >= wanted ? '#000000' : '#ffffff';
}
