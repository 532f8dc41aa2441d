// The embed-snippet builder: the options on the left make the snippet and the
// live preview on the right. No inline script or style on this page: the
// preview is themed through the CSSOM (el.style.setProperty), which a
// Content-Security-Policy allows, while the snippet text shows the same
// values as a style attribute for the webmaster's page.

import { TEXT_CONTRAST, contrast, nearestPassing, ratioText } from './contrast.js';

const DEFAULTS = { accent: '#0b6e4f', radius: 8 };
/** The text Sharek puts on the accent colour (its buttons), and the surface its accent-coloured links sit on. */
const ON_ACCENT = '#ffffff';
const ORIGIN = location.origin;
const API = `${ORIGIN}/api`;

const $ = (selector) => document.querySelector(selector);
const form = $('#options');
const select = $('#consultation');
const snippetBox = $('#snippet');
const preview = $('#preview');
const note = $('#note');
const copyStatus = $('#copy-status');

/** Summaries by id, from the portal's list; full consultations (for poll ids) fetched when needed. */
const summaries = new Map();
const details = new Map();

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function options() {
  const data = new FormData(form);
  return {
    consultation: select.value,
    lang: data.get('lang') === 'en' ? 'en' : 'ar',
    show: String(data.get('show') ?? 'full'),
    accent: $('#accent').value.toLowerCase(),
    radius: Number($('#radius').value),
  };
}

/** The custom properties that differ from Sharek's defaults. */
function themeOf(o) {
  const theme = [];
  if (o.accent !== DEFAULTS.accent) theme.push(['--sharek-accent', o.accent]);
  if (o.radius !== DEFAULTS.radius) theme.push(['--sharek-radius', `${o.radius}px`]);
  return theme;
}

/**
 * The elements to embed for the options: tag and attributes, in order.
 * Polls need the consultation's poll ids (`pollIds`), known once it is fetched.
 */
function elementsFor(o, pollIds) {
  const id = o.consultation;
  switch (o.show) {
    case 'full':
      return [['sharek-consultation', { consultation: id }]];
    case 'card':
      return [['sharek-consultation', { consultation: id, participation: 'none' }]];
    case 'participate':
      return [
        ['sharek-comment-form', { consultation: id }],
        ['sharek-comments', { consultation: id }],
      ];
    case 'form':
      return [['sharek-comment-form', { consultation: id }]];
    case 'comments':
      return [['sharek-comments', { consultation: id }]];
    case 'polls':
      return (pollIds ?? []).map((poll) => ['sharek-poll', { poll }]);
    case 'decision':
      return [['sharek-decision', { consultation: id }]];
    default:
      return [];
  }
}

/** The room each element holds before the script has defined it (the README's "keeping the page still" rules). */
const HOLD = {
  'sharek-consultation': '40rem',
  'sharek-consultations': '12rem',
  'sharek-comments': '15rem',
  'sharek-comment-form': '10rem',
  'sharek-poll': '15rem',
  'sharek-decision': '8rem',
};

/** What a reader sees inside the element before the script runs, or if it cannot load: a link to take part on the portal. */
const FALLBACK = {
  ar: 'اقرأ الاستشارة وشارك برأيك على بوابة الاستشارات',
  en: 'Read the consultation and take part on the portal',
};

function snippetFor(o, elements) {
  const theme = themeOf(o);
  const portalPage = summaries.get(o.consultation)?.portalUrl ?? `${ORIGIN}/consultations/${encodeURIComponent(o.consultation)}`;
  const style = theme.length ? ` style="${escapeAttr(theme.map(([k, v]) => `${k}: ${v}`).join('; '))}"` : '';
  const lines = [
    '<!-- In <head>: where the portal is, and Sharek itself (once per page) -->',
    `<meta name="sharek-api" content="${escapeAttr(API)}">`,
    `<script type="module" src="${escapeAttr(`${ORIGIN}/dist/sharek.js`)}"></script>`,
    '',
  ];
  lines.push('<!-- Where the consultation goes on your page -->');
  if (!elements.length) lines.push('<!-- This consultation has no polls. -->');
  for (const [tag, attrs] of elements) {
    const list = Object.entries({ ...attrs, lang: o.lang })
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join('');
    lines.push(`<${tag}${list}${style}>`, `  <a href="${escapeAttr(portalPage)}">${FALLBACK[o.lang]}</a>`, `</${tag}>`);
  }
  const tags = [...new Set(elements.map(([tag]) => tag))];
  if (tags.length) {
    lines.push('', '<!-- In your stylesheet, so the page does not jump while Sharek loads:');
    for (const tag of tags) lines.push(`${tag}:not(:defined) { display: block; min-block-size: ${HOLD[tag]}; }`);
    lines.push('-->');
  }
  return lines.join('\n');
}

let shown = '';

/** The real elements, as the snippet makes them, themed through the CSSOM. A new look alone restyles them in place. */
function renderPreview(o, elements) {
  const key = JSON.stringify([o.lang, o.show, elements]);
  if (key === shown) {
    for (const el of preview.children) applyTheme(el, o);
    return;
  }
  shown = key;
  preview.replaceChildren();
  preview.lang = o.lang;
  preview.dir = o.lang === 'ar' ? 'rtl' : 'ltr';
  for (const [tag, attrs] of elements) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.setAttribute('lang', o.lang);
    applyTheme(el, o);
    preview.append(el);
  }
  if (!elements.length) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = 'This consultation has no polls.';
    preview.append(p);
  }
}

function applyTheme(el, o) {
  el.style.removeProperty('--sharek-accent');
  el.style.removeProperty('--sharek-radius');
  for (const [k, v] of themeOf(o)) el.style.setProperty(k, v);
}

async function consultationDetails(id) {
  if (!details.has(id)) {
    details.set(
      id,
      fetch(`/api/v1/consultations/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } }).then((res) => {
        if (!res.ok) throw new Error(`The portal answered ${res.status}`);
        return res.json();
      }),
    );
  }
  try {
    return await details.get(id);
  } catch (error) {
    details.delete(id);
    throw error;
  }
}

function explain(o) {
  const c = summaries.get(o.consultation);
  let text = '';
  if (o.show === 'decision' && c && c.status !== 'decided') {
    text = 'No decision is published for this consultation yet: the element says so, and shows the decision once the agency publishes it.';
  } else if ((o.show === 'form' || o.show === 'participate') && c && c.status !== 'open') {
    text = 'This consultation is not open for comments now: the form says when it opens, or that it has closed.';
  }
  note.textContent = text;
  note.hidden = !text;
}

let generation = 0;

/**
 * Says the contrast of the buttons' white text on the accent colour; below
 * 4.5:1 it warns (the field is described by the sentence, which a screen
 * reader says as it changes) and offers the nearest colour that passes.
 */
function checkAccent(accent) {
  const ratio = contrast(accent, ON_ACCENT);
  const sentence = $('#accent-contrast');
  const use = $('#use-suggested');
  // Said again only when it changes (moving the radius slider must not repeat it).
  const say = (text, className) => {
    sentence.className = className;
    if (sentence.textContent !== text) sentence.textContent = text;
  };
  if (ratio >= TEXT_CONTRAST) {
    say(`White button text on ${accent}: contrast ${ratioText(ratio)}.`, 'hint');
    use.hidden = true;
    return;
  }
  const suggested = nearestPassing(accent, ON_ACCENT);
  say(
    `Warning: white button text on ${accent} has a contrast of ${ratioText(ratio)}, below the ${TEXT_CONTRAST}:1 that text needs to be readable. ` +
      `The nearest colour that passes is ${suggested} (${ratioText(contrast(suggested, ON_ACCENT))}).`,
    'warning',
  );
  use.textContent = `Use ${suggested}`;
  use.dataset.colour = suggested;
  use.hidden = false;
}

/** Makes the snippet and the preview for the current options, and keeps them in the address. */
async function update() {
  const o = options();
  $('#radius-value').value = `${o.radius}px`;
  checkAccent(o.accent);
  if (!o.consultation) return;
  const mine = ++generation;
  let pollIds;
  if (o.show === 'polls') {
    try {
      pollIds = (await consultationDetails(o.consultation)).pollIds;
    } catch (error) {
      if (mine !== generation) return;
      showListError(`The consultation's polls could not be loaded: ${error.message}`);
      pollIds = [];
    }
    if (mine !== generation) return;
  }
  const elements = elementsFor(o, pollIds);
  snippetBox.value = snippetFor(o, elements);
  snippetBox.rows = Math.min(24, snippetBox.value.split('\n').length + 1);
  renderPreview(o, elements);
  explain(o);
  copyStatus.textContent = '';
  const params = new URLSearchParams({ consultation: o.consultation, lang: o.lang, show: o.show });
  if (o.accent !== DEFAULTS.accent) params.set('accent', o.accent);
  if (o.radius !== DEFAULTS.radius) params.set('radius', String(o.radius));
  history.replaceState(null, '', `?${params}`);
}

function showListError(message) {
  const p = $('#list-error');
  p.textContent = message;
  p.hidden = false;
}

/** Every consultation on the portal, following the cursor. */
async function loadConsultations() {
  const items = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`/api/v1/consultations?${query}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`The portal answered ${res.status}`);
    const page = await res.json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const STATUS = { upcoming: 'upcoming', open: 'open for comments', closed: 'closed', decided: 'decision published' };

/** The options from the address, so a configuration can be shared as a link. */
function restore(params) {
  const lang = params.get('lang');
  if (lang === 'en' || lang === 'ar') form.elements.lang.value = lang;
  const show = params.get('show');
  if (show && [...form.elements.show].some((r) => r.value === show)) form.elements.show.value = show;
  const accent = params.get('accent');
  if (accent && /^#[0-9a-f]{6}$/i.test(accent)) $('#accent').value = accent;
  const radius = Number(params.get('radius'));
  if (params.has('radius') && Number.isInteger(radius) && radius >= 0 && radius <= 24) $('#radius').value = String(radius);
}

async function copy() {
  const text = snippetBox.value;
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = 'Copied. Paste it into your page.';
  } catch {
    // No clipboard access (an old browser, or a page without permission): select the text for the person to copy.
    snippetBox.focus();
    snippetBox.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    copyStatus.textContent = copied ? 'Copied. Paste it into your page.' : 'The snippet is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
  }
}

async function start() {
  const params = new URLSearchParams(location.search);
  restore(params);
  // Every control fires `input` (selects and radios too).
  form.addEventListener('input', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('#copy').addEventListener('click', copy);
  $('#use-suggested').addEventListener('click', (e) => {
    $('#accent').value = e.currentTarget.dataset.colour;
    // The button goes once the colour passes: focus goes back to the field it is about.
    $('#accent').focus();
    update();
  });
  $('#reset-look').addEventListener('click', () => {
    $('#accent').value = DEFAULTS.accent;
    $('#radius').value = String(DEFAULTS.radius);
    update();
  });

  let items;
  try {
    items = await loadConsultations();
  } catch (error) {
    select.firstElementChild.textContent = 'No consultations';
    showListError(`The portal's consultations could not be loaded: ${error.message}`);
    return;
  }
  select.replaceChildren(
    ...items.map((c) => {
      summaries.set(c.id, c);
      const option = document.createElement('option');
      option.value = c.id;
      option.textContent = `${c.title.en ?? Object.values(c.title)[0]} (${STATUS[c.status] ?? c.status})`;
      return option;
    }),
  );
  select.disabled = false;
  const wanted = params.get('consultation');
  const first = items.find((c) => c.id === wanted) ?? items.find((c) => c.status === 'open') ?? items[0];
  if (first) select.value = first.id;
  await update();
  document.documentElement.dataset.ready = 'true';
}

start();
