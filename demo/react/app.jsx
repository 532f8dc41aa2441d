// Sharek in a React 19 app: the worked example for framework authors.
//
// React 19 supports custom elements natively:
// - a prop is set as a *property* when the element has that property (so
//   `data={consultation}` hands the object over, no JSON in an attribute),
//   else as an attribute. Register the elements before React renders them,
//   or React cannot see their properties and falls back to attributes.
// - a prop named `on` + the event's name (`onsharek-comment-submitted`) adds
//   an event listener for that event, removed and re-added when it changes.
//
// Built by `npm run build` (scripts/build-react.mjs, esbuild) into
// demo/react/dist/app.js, served at /react/.
import { StrictMode, useCallback, useEffect, useMemo, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
// What an app gets from `npm install sharek`: register the elements once, before rendering.
import { define } from 'sharek/define.js';

define();

const CONSULTATION = 'e-participation-instructions';

/** The consultation card. `data` skips the element's own request. */
export function Consultation({ data, lang, onStatusChange, onCommentSubmitted }) {
  return (
    <sharek-consultation
      consultation={data?.id}
      data={data}
      lang={lang}
      onsharek-status-change={onStatusChange}
      onsharek-comment-submitted={onCommentSubmitted}
    />
  );
}

/** The comment form alone, on the article React chooses. */
export function CommentForm({ data, lang, section, onCommentSubmitted }) {
  return (
    <sharek-comment-form
      consultation={data?.id}
      data={data}
      lang={lang}
      section={section}
      onsharek-comment-submitted={onCommentSubmitted}
    />
  );
}

const title = (text, lang) => text?.[lang] ?? Object.values(text ?? {})[0] ?? '';

function App() {
  const [consultation, setConsultation] = useState(null);
  const [loadError, setLoadError] = useState('');
  const [lang, setLang] = useState('en');
  const [section, setSection] = useState('');
  const [status, setStatus] = useState('');
  const [heard, setHeard] = useState([]);

  // The page fetches the consultation itself (as a CMS that already has it would) and passes it down.
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/v1/consultations/${CONSULTATION}`, { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`The portal answered ${res.status}`))))
      .then((c) => {
        setConsultation(c);
        setStatus(c.status);
      })
      .catch((e) => {
        if (e.name !== 'AbortError') setLoadError(String(e.message ?? e));
      });
    return () => controller.abort();
  }, []);

  const log = useCallback((entry) => setHeard((list) => [...list, { ...entry, at: new Date().toLocaleTimeString('en-GB') }]), []);

  // One handler per element: the card's event comes from the form inside it (composed events leave its shadow root).
  const onCommentSubmitted = useCallback(
    (where) => (e) => log({ kind: 'comment', text: `Comment ${e.commentId} received by the portal (${e.status}), sent from ${where}` }),
    [log],
  );
  const [onCardComment, onFormComment] = useMemo(() => [onCommentSubmitted('the card'), onCommentSubmitted('the form')], [onCommentSubmitted]);

  const onStatusChange = useCallback(
    (e) => {
      // The card watches the clock: it says when the consultation opens or closes while the page is open.
      setStatus(e.status);
      log({ kind: 'status', text: `Status changed from ${e.previous} to ${e.status}` });
    },
    [log],
  );

  if (loadError) return <p role="alert">The consultation could not be loaded: {loadError}</p>;
  if (!consultation) return <p role="status">Loading the consultation…</p>;

  return (
    <>
      <header className="app-header">
        <p className="eyebrow">React {version} + Sharek</p>
        <h1>{title(consultation.title, 'en')}</h1>
        <p>
          Status, kept in React state: <strong data-testid="status">{status}</strong>
        </p>
        <fieldset className="lang">
          <legend>Language of the elements</legend>
          {[
            ['en', 'English'],
            ['ar', 'العربية'],
          ].map(([value, label]) => (
            <label key={value} lang={value}>
              <input type="radio" name="lang" value={value} checked={lang === value} onChange={() => setLang(value)} /> {label}
            </label>
          ))}
        </fieldset>
      </header>

      <div className="layout">
        <main>
          <section aria-labelledby="card-heading">
            <h2 id="card-heading">The card, given its data by React</h2>
            <Consultation data={consultation} lang={lang} onStatusChange={onStatusChange} onCommentSubmitted={onCardComment} />
          </section>

          <section aria-labelledby="form-heading">
            <h2 id="form-heading">The comment form on its own, placed by React</h2>
            <p>
              <label htmlFor="article">Article (a React-controlled <code>section</code> prop): </label>
              <select id="article" value={section} onChange={(e) => setSection(e.target.value)}>
                <option value="">The whole draft</option>
                {consultation.sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    Article {s.number}: {title(s.title, 'en')}
                  </option>
                ))}
              </select>
            </p>
            <CommentForm data={consultation} lang={lang} section={section} onCommentSubmitted={onFormComment} />
          </section>
        </main>

        <aside aria-labelledby="heard-heading">
          <h2 id="heard-heading">What React heard</h2>
          {heard.length ? (
            <ol id="heard" aria-live="polite">
              {heard.map((h, i) => (
                <li key={i} data-kind={h.kind}>
                  <time>{h.at}</time> {h.text}
                </li>
              ))}
            </ol>
          ) : (
            <p id="heard-empty">Nothing yet. Send a comment, or wait for the consultation to close.</p>
          )}
        </aside>
      </div>
    </>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
